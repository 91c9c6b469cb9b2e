package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Finds users; joins the caller's transaction. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserDirectory {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The user with this e-mail address (case-insensitive); empty for blank or oversized input. */
  public Optional<User> findByEmail(String email) {
    if (email == null || email.isBlank() || email.length() > User.EMAIL_MAX) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
        .setParameter("email", User.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  /** The user with this id, as a page may show it. */
  public Optional<UserSummary> find(long userId) {
    return Optional.ofNullable(em.find(User.class, userId)).map(UserSummary::of);
  }

  /** The users of an account, as a page may show them (no permission check: callers check). */
  public List<UserSummary> ofAccount(long accountId) {
    return em.createNamedQuery(User.LIST_BY_ACCOUNT, User.class)
        .setParameter("accountId", accountId)
        .getResultStream()
        .map(UserSummary::of)
        .toList();
  }
}
