package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The language each user chose ({@code app_user.locale}): their pages start in it at sign-in and
 * their e-mails use it. Invitees start with their account's language. Checks no permission: the
 * only caller is the signed-in user's own session, about themselves.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserLanguages {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The language {@code userId} chose or was invited in; empty when none was ever set. */
  public Optional<String> of(long userId) {
    return Optional.ofNullable(em.find(User.class, userId)).flatMap(User::getLanguage);
  }

  /**
   * From now on {@code userId}'s pages and e-mails are in {@code code}. A bulk update, so a
   * language switch never collides with an administrator editing the same user.
   */
  public void choose(long userId, String code) {
    if (code == null || !code.matches(User.LANGUAGE_PATTERN)) {
      throw new IllegalArgumentException("not a language code: " + code);
    }
    em.createNamedQuery(User.CHOOSE_LANGUAGE)
        .setParameter("language", code)
        .setParameter("id", userId)
        .executeUpdate();
  }
}
