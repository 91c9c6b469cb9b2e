package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who to tell, and in which language: the people every component's notices go to, for {@code
 * notification} (which sits below the users and cannot read them). A user's language is the one
 * they chose ({@code app_user.locale}), else their account's. Only active users are recipients.
 * Checks no permission: it serves notices, never a page. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Recipients implements NoticeRecipients {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree tree;

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
    return Optional.ofNullable(em.find(User.class, userId))
        .flatMap(user -> user.getLanguage().or(() -> accountLanguage(user)))
        .map(Locale::forLanguageTag)
        .orElse(Locale.ENGLISH);
  }

  /** For a user who never chose a language: their account's. */
  private Optional<String> accountLanguage(User user) {
    return tree.find(user.getAccountId()).map(account -> account.profile().language());
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
