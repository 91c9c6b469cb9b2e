package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds users; joins the caller's transaction. */
@ApplicationScoped
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
}
