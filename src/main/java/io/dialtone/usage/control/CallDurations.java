package io.dialtone.usage.control;

import io.dialtone.usage.entity.WorkingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * The longest an answered call may last, per account (a runaway call ends there): the account's
 * setting on its limits page, else {@link #DEFAULT}. For call control, without permission checks.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallDurations {

  /** Without a setting of the account's. */
  public static final Duration DEFAULT = Duration.ofHours(4);

  /** The longest setting, in minutes (a day). */
  public static final int MAX_MINUTES = 1440;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The maximum duration of an answered call of {@code accountId}. */
  @Transactional
  public Duration maxDuration(long accountId) {
    WorkingLimits working = em.find(WorkingLimits.class, accountId);
    return working == null || working.getMaxCallMinutes() == null
        ? DEFAULT
        : Duration.ofMinutes(working.getMaxCallMinutes());
  }
}
