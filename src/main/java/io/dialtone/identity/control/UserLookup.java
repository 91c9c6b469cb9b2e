package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Reads about users for other components' pages: who a user is (name and e-mail, for the audit
 * views) and which accounts hold users with a given e-mail (for the support search). Checks no
 * permission (its callers do); joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserLookup {

  /** A user as pages name them. */
  public record UserName(String displayName, String email) {

    /** The display name, or the e-mail when there is none. */
    public String label() {
      return displayName == null || displayName.isBlank() ? email : displayName;
    }
  }

  /** A user whose e-mail matched, and their account. */
  public record EmailMatch(long accountId, String email) {}

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  public Optional<UserName> name(long userId) {
    return Optional.ofNullable(em.find(User.class, userId))
        .map(user -> new UserName(user.getDisplayName(), user.getEmail()));
  }

  /** Users whose e-mail starts with {@code text} (ignoring case), at most {@code limit}. */
  public List<EmailMatch> byEmailPrefix(String text, int limit) {
    String prefix = User.normalizeEmail(text);
    if (prefix == null || prefix.isEmpty() || prefix.length() > User.EMAIL_MAX) {
      return List.of();
    }
    return em.createQuery(
            "SELECT u.accountId, u.email FROM User u WHERE u.email LIKE :p ESCAPE '!' ORDER BY u.email",
            Object[].class)
        .setParameter("p", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
        .setMaxResults(limit)
        .getResultStream()
        .map(row -> new EmailMatch(((Number) row[0]).longValue(), (String) row[1]))
        .toList();
  }
}
