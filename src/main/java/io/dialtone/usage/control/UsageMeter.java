package io.dialtone.usage.control;

import io.dialtone.account.control.AccountCapsChanged;
import io.dialtone.cdr.control.UsageRecorded;
import io.dialtone.platform.control.CallPathThreads;
import io.dialtone.platform.control.CoalescedWork;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every account's current usage in memory, for {@link CapGate} (asked on every call: no I/O on a
 * warm entry). An entry is loaded from the daily totals on first use, on a new day, after a change
 * of the account's limits ({@link UsageLimitsChanged}) or of the caps granted on its account page
 * ({@code account.control.AccountCapsChanged}), and after {@value #MAX_AGE} (60) seconds at most
 * (so calls recorded, and caps changed, on other nodes count within a minute); in between, each
 * recorded call ({@code cdr.control.UsageRecorded}, after commit) is added to it.
 *
 * <p>Each recorded call also checks the 80 % and 100 % thresholds of the account's periodic caps: a
 * level reached that this node has not yet alerted goes to {@link UsageAlerts} on a managed thread
 * (the database says whether it was already sent, by this or another node).
 *
 * <p>A call whose commit races with a reload may be counted twice until the next reload (it only
 * ever errs on the side of refusing); the reload after {@value #MAX_AGE} seconds corrects it.
 */
@ApplicationScoped
public class UsageMeter {

  /** Seconds an in-memory entry is used at most before a reload. */
  public static final String MAX_AGE = "dialtone.usage.cache-seconds";

  private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());

  private final Map<Long, Fresh> states = new ConcurrentHashMap<>();
  private final Set<String> alerted = ConcurrentHashMap.newKeySet();

  @Inject CallPathThreads threads;
  @Inject UsageSource source;
  @Inject UsageAlerts alerts;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = MAX_AGE, defaultValue = "60")
  long maxAgeSeconds;

  LongSupplier ticker = System::nanoTime;

  /** Accounts whose alerts to check, in passes (one task for the calls stored meanwhile). */
  private final CoalescedWork<Long, Boolean> alertChecks =
      new CoalescedWork<>(
          (a, b) -> a,
          accounts -> accounts.keySet().forEach(this::checkAlerts),
          () -> threads.background());

  private record Fresh(UsageState state, long expiresAt) {}

  /** The account's usage state for a call at {@code at}, loaded if needed. */
  public UsageState state(long accountId, Instant at) {
    long now = ticker.getAsLong();
    Fresh fresh = states.get(accountId);
    if (fresh == null || stale(fresh, now, at)) {
      fresh =
          states.compute(
              accountId,
              (id, old) ->
                  old != null && !stale(old, now, at)
                      ? old
                      : new Fresh(
                          source.load(id, at), now + Duration.ofSeconds(maxAgeSeconds).toNanos()));
    }
    return fresh.state();
  }

  /** Drops the account's entry; the next call reloads it. */
  public void invalidate(long accountId) {
    states.remove(accountId);
  }

  void limitsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) UsageLimitsChanged changed) {
    invalidate(changed.accountId());
  }

  void capsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountCapsChanged changed) {
    invalidate(changed.accountId());
  }

  void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) UsageRecorded call) {
    Fresh fresh = states.get(call.accountId());
    if (fresh != null) {
      fresh.state().add(call.day(), call.cost(), call.minutes());
    }
    try {
      alertChecks.add(call.accountId(), Boolean.TRUE);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.SEVERE, "usage alert check of account:" + call.accountId() + " dropped", e);
    }
  }

  /** Raises the alerts due for the account's usage now that this node has not raised yet. */
  void checkAlerts(long accountId) {
    try {
      UsageState state = state(accountId, clock.instant());
      for (Map.Entry<UsageCap, BigDecimal> used : state.periodicUsage().entrySet()) {
        UsageCap cap = used.getKey();
        BigDecimal limit = state.caps().effective(cap);
        LocalDate period = cap.periodStart(state.day());
        for (int level : Thresholds.reached(used.getValue(), limit)) {
          String key = accountId + "/" + cap + "/" + period + "/" + level;
          if (!alerted.contains(key)) {
            alerts.raise(accountId, cap, period, level, used.getValue(), limit, state.currency());
            alerted.add(key);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "usage alert check of account:" + accountId + " failed", e);
    }
  }

  private boolean stale(Fresh fresh, long now, Instant at) {
    return now - fresh.expiresAt() >= 0 || fresh.state().dayOf(at).isAfter(fresh.state().day());
  }
}
