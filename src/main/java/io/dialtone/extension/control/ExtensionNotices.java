package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.identity.entity.Role;
import io.dialtone.identity.entity.User;
import io.dialtone.identity.entity.UserStatus;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The e-mail about a regenerated SIP secret (SECURITY.md A9): to the extension's user, or to the
 * account's active administrators when no user is assigned; when, from where, which extension,
 * never the secret. Sent after commit.
 */
@ApplicationScoped
public class ExtensionNotices {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Notifications notifications;
  @Inject Clock clock;

  public void secretChanged(Extension extension, String sourceIp) {
    String when = WHEN.format(clock.instant().truncatedTo(ChronoUnit.MINUTES));
    for (User user : recipients(extension)) {
      notifications.send(
          Notice.of(
              user.getEmail(),
              locale(user.getId()),
              NoticeKind.SIP_SECRET_CHANGED,
              extension.getNumber().digits(),
              when,
              String.valueOf(sourceIp)));
    }
  }

  private List<User> recipients(Extension extension) {
    if (extension.getAssignedUserId() != null) {
      User user = em.find(User.class, extension.getAssignedUserId());
      if (user != null && user.getStatus() == UserStatus.ACTIVE) {
        return List.of(user);
      }
    }
    return em
        .createNamedQuery(User.LIST_BY_ACCOUNT, User.class)
        .setParameter("accountId", extension.getAccountId())
        .getResultList()
        .stream()
        .filter(u -> u.getStatus() == UserStatus.ACTIVE)
        .filter(u -> u.getRoles().contains(Role.CUSTOMER_ADMIN))
        .toList();
  }

  private Locale locale(long userId) {
    Object tag =
        em.createNativeQuery("SELECT locale FROM app_user WHERE id = ?1")
            .setParameter(1, userId)
            .getSingleResult();
    return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag.toString());
  }
}
