package io.dialtone.usage.control;

import io.dialtone.platform.control.RecentValues;
import io.dialtone.usage.entity.WorkingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * The longest an answered call may last, per account (a runaway call ends there): the account's
 * setting on its limits page, else {@link #DEFAULT}. For call control, without permission checks:
 * read once per account and kept ({@link RecentValues}, {@link #KEPT}), read again after a change
 * of the account's setting ({@link MaxCallDurationChanged}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallDurations {

  /** Without a setting of the account's. */
  public static final Duration DEFAULT = Duration.ofHours(4);

  /** The longest setting, in minutes (a day). */
  public static final int MAX_MINUTES = 1440;

  /** How long a setting read is used at most (another node's change shows after that). */
  public static final Duration KEPT = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  private final RecentValues<Long, Duration> durations = new RecentValues<>(KEPT);

  /** The maximum duration of an answered call of {@code accountId}. */
  public Duration maxDuration(long accountId) {
    return durations.get(accountId, this::read);
  }

  private Duration read(long accountId) {
    WorkingLimits working = em.find(WorkingLimits.class, accountId);
    return working == null || working.getMaxCallMinutes() == null
        ? DEFAULT
        : Duration.ofMinutes(working.getMaxCallMinutes());
  }

  void durationChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) MaxCallDurationChanged changed) {
    durations.forget(changed.accountId());
  }
}
