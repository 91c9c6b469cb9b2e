package io.dialtone.usage.control;

import io.dialtone.usage.entity.UsageCap;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The 80 % and 100 % alerts of an account's concurrent-call cap (SECURITY.md E3, E4): when a call
 * starts ({@link ActiveCalls#callStarted}), the calls in progress are compared with the cap that
 * applies (the lower of the granted cap and the customer's own limit, from {@link UsageMeter}'s
 * memory). A level reached that this node has not alerted yet goes to {@link UsageAlerts} on a
 * managed thread, which raises it at most once per account, level and day (the account's calendar
 * day: {@link UsageCap#periodStart}) across nodes, by the same {@code usage_alert} key as the other
 * caps. The call's own thread never waits for the database or the mail.
 */
@ApplicationScoped
public class CallCapAlerts {

  private static final Logger LOG = Logger.getLogger(CallCapAlerts.class.getName());

  private final Set<String> alerted = ConcurrentHashMap.newKeySet();

  @Inject UsageMeter meter;
  @Inject UsageAlerts alerts;
  @Inject Clock clock;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** A call of the account started; {@code calls} are in progress now, that one included. */
  public void started(long accountId, int calls) {
    try {
      UsageState state = meter.state(accountId, clock.instant());
      BigDecimal cap = state.caps().effective(UsageCap.CONCURRENT_CALLS);
      LocalDate period = UsageCap.CONCURRENT_CALLS.periodStart(state.day());
      List<Integer> due = due(accountId, calls, cap, period);
      if (!due.isEmpty()) {
        executor.execute(() -> raise(accountId, calls, cap, period, due, state.currency()));
      }
    } catch (RejectedExecutionException e) {
      LOG.log(Level.SEVERE, "concurrent-call alert of account:" + accountId + " dropped", e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "concurrent-call alert check of account:" + accountId + " failed", e);
    }
  }

  /**
   * The levels {@code calls} reached of {@code cap} that this node has not raised in the period.
   */
  List<Integer> due(long accountId, int calls, BigDecimal cap, LocalDate period) {
    return Thresholds.reached(BigDecimal.valueOf(calls), cap).stream()
        .filter(level -> !alerted.contains(key(accountId, period, level)))
        .toList();
  }

  void raise(
      long accountId,
      int calls,
      BigDecimal cap,
      LocalDate period,
      List<Integer> levels,
      String currency) {
    for (int level : levels) {
      try {
        alerts.raise(
            accountId,
            UsageCap.CONCURRENT_CALLS,
            period,
            level,
            BigDecimal.valueOf(calls),
            cap,
            currency);
        alerted.add(key(accountId, period, level));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "concurrent-call alert of account:" + accountId + " failed", e);
      }
    }
  }

  private static String key(long accountId, LocalDate period, int level) {
    return accountId + "/" + period + "/" + level;
  }
}
