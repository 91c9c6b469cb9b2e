package io.dialtone.sip.control;

import io.dialtone.kernel.control.AccountScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who hears of what the registrar saw, always within the tenant the event names: the platform's
 * active administrators (bans), an account's active customer administrators (password guessing,
 * devices offline) and an extension's assigned user when active (devices offline). Joins the
 * caller's transaction; checks no permission (nobody asks: the registrar tells).
 */
@ApplicationScoped
class NoticeRecipients {

  private static final String WITH_ROLE =
      """
      SELECT u.id, u.email, u.locale FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE r.role = ?1 AND u.account_id = ?2 AND u.status = 'ACTIVE' ORDER BY u.id""";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  List<Recipient> platformAdministrators() {
    return withRole("PLATFORM_ADMIN", AccountScope.PLATFORM_ACCOUNT_ID);
  }

  List<Recipient> customerAdministrators(long accountId) {
    return withRole("CUSTOMER_ADMIN", accountId);
  }

  /** The extension's assigned user (if active and of the same account), then its admins. */
  List<Recipient> ofExtension(long accountId, Long assignedUserId) {
    Map<Long, Recipient> all = new LinkedHashMap<>();
    if (assignedUserId != null) {
      em.createNativeQuery(
              """
              SELECT id, email, locale FROM app_user
              WHERE id = ?1 AND account_id = ?2 AND status = 'ACTIVE'""")
          .setParameter(1, assignedUserId)
          .setParameter(2, accountId)
          .getResultList()
          .forEach(row -> put(all, Recipient.of((Object[]) row)));
    }
    customerAdministrators(accountId).forEach(r -> put(all, r));
    return List.copyOf(all.values());
  }

  private static void put(Map<Long, Recipient> all, Recipient recipient) {
    all.putIfAbsent(recipient.userId(), recipient);
  }

  private List<Recipient> withRole(String role, long accountId) {
    List<?> rows =
        em.createNativeQuery(WITH_ROLE)
            .setParameter(1, role)
            .setParameter(2, accountId)
            .getResultList();
    return rows.stream().map(row -> Recipient.of((Object[]) row)).toList();
  }
}
