package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-in attempts, password and second factor alike (SECURITY.md A5): the {@code
 * maxFailures}-th failure locks the user for {@code lockoutMinutes}. Counting is one atomic UPDATE,
 * so parallel attempts cannot slip past the limit. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class LoginAttempts {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "dialtone.signin.max-failures", defaultValue = "10")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "dialtone.signin.lockout-minutes", defaultValue = "30")
  int lockoutMinutes;

  /** Records one failure; returns true when this failure locked the user. */
  public boolean recordFailure(long userId, String sourceIp) {
    Instant until =
        clock.instant().plus(Duration.ofMinutes(lockoutMinutes)).truncatedTo(ChronoUnit.MICROS);
    // MariaDB evaluates SET clauses left to right: locked_until must be computed first.
    em.createNativeQuery(
            """
            UPDATE app_user
               SET locked_until = CASE WHEN failed_attempts + 1 >= ?1 THEN ?2 ELSE locked_until END,
                   failed_attempts = CASE WHEN failed_attempts + 1 >= ?1 THEN 0 ELSE failed_attempts + 1 END
             WHERE id = ?3
            """)
        .setParameter(1, maxFailures)
        .setParameter(2, Timestamp.from(until))
        .setParameter(3, userId)
        .executeUpdate();
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT locked_until, account_id FROM app_user WHERE id = ?1")
                .setParameter(1, userId)
                .getSingleResult();
    Object lockedUntil = row[0];
    boolean lockedNow = lockedUntil != null && toInstant(lockedUntil).equals(until);
    if (lockedNow) {
      audit.record(
          AuditRecord.builder(AuditAction.ACCOUNT_LOCKED, AuditResult.DENIED)
              .actor(SignedInUser.actorOf(userId))
              .target(SignedInUser.actorOf(userId))
              .account(((Number) row[1]).longValue())
              .sourceIp(sourceIp)
              .detail("locked for " + lockoutMinutes + " min after " + maxFailures + " failures")
              .build());
    }
    return lockedNow;
  }

  /** A complete sign-in clears the count. */
  public void reset(long userId) {
    em.createNativeQuery(
            "UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
  }

  private static Instant toInstant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case Timestamp t -> t.toInstant();
      case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
      default -> throw new IllegalStateException("unexpected type " + value.getClass());
    };
  }
}
