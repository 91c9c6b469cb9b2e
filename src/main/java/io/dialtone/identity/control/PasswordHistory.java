package io.dialtone.identity.control;

import io.dialtone.identity.entity.PasswordHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The history rule (SECURITY.md A3): a new password may not equal any of the last {@value
 * #REMEMBERED} passwords, the current one included. Checked with {@link PasswordHasher#verify}
 * against each stored hash (salted hashes cannot be compared directly). Runs in the caller's
 * transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class PasswordHistory {

  /** How many passwords, the current one included, a new one must differ from. */
  public static final int REMEMBERED = 4;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  /** Whether {@code candidate} is the current password or one of the previous ones remembered. */
  public boolean isReused(long userId, String currentHash, char[] candidate) {
    boolean reused = currentHash != null && hasher.verify(candidate, currentHash);
    for (PasswordHistoryEntry entry : previous(userId)) {
      reused |= hasher.verify(candidate, entry.getPasswordHash());
    }
    return reused;
  }

  /** Remembers {@code oldHash} as replaced now, and forgets what is older than the rule needs. */
  public void remember(long userId, String oldHash) {
    if (oldHash == null) {
      return;
    }
    em.persist(new PasswordHistoryEntry(userId, oldHash, clock.instant()));
    em.flush();
    List<PasswordHistoryEntry> all =
        em.createNamedQuery(PasswordHistoryEntry.LIST_BY_USER, PasswordHistoryEntry.class)
            .setParameter("userId", userId)
            .getResultList();
    all.stream().skip(REMEMBERED - 1L).forEach(em::remove);
  }

  private List<PasswordHistoryEntry> previous(long userId) {
    return em.createNamedQuery(PasswordHistoryEntry.LIST_BY_USER, PasswordHistoryEntry.class)
        .setParameter("userId", userId)
        .setMaxResults(REMEMBERED - 1)
        .getResultList();
  }
}
