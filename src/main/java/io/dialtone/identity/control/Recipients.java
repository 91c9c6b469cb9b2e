package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who to tell, and in which language: the people every component's notices go to, for {@code
 * notification} (which sits below the users and cannot read them). A user's language is {@code
 * app_user.locale}, English when unset. Only active users are recipients. Checks no permission: it
 * serves notices, never a page. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Recipients implements NoticeRecipients {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** {@code user} at their own address, in their language, whatever their status. */
  public Recipient of(User user) {
    return new Recipient(user.getId(), user.getEmail(), localeOf(user.getId()));
  }

  @Override
  public Optional<Recipient> activeUser(long accountId, long userId) {
    return Optional.ofNullable(em.find(User.class, userId))
        .filter(user -> user.getAccountId() == accountId)
        .filter(user -> user.getStatus() == UserStatus.ACTIVE)
        .map(this::of);
  }

  @Override
  public Locale localeOf(long userId) {
    List<?> tags =
        em.createNativeQuery("SELECT locale FROM app_user WHERE id = ?1")
            .setParameter(1, userId)
            .getResultList();
    Object tag = tags.isEmpty() ? null : tags.get(0); // NULL when the user never chose one
    return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag.toString());
  }

  @Override
  public List<Recipient> withRole(long accountId, Role role) {
    return em
        .createNamedQuery(User.LIST_BY_ACCOUNT, User.class)
        .setParameter("accountId", accountId)
        .getResultList()
        .stream()
        .filter(user -> user.getStatus() == UserStatus.ACTIVE)
        .filter(user -> user.getRoles().contains(role))
        .map(this::of)
        .toList();
  }
}
