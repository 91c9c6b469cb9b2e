package io.dialtone.usage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls in progress now, per account and per extension, for the concurrent-call caps
 * (SECURITY.md E3). SIP call control calls {@link #callStarted} when an admitted call starts (after
 * {@code CallDecisions.decide} allowed it) and {@link #callEnded} exactly once when it ends,
 * however it ends; {@link CapGate} reads the counts. Kept in memory, per node: in a cluster each
 * node counts the calls it carries (the cap then applies per node until call control shares the
 * counts). A count never goes below zero. Each start also checks the 80 % / 100 % alerts of the
 * account's concurrent-call cap ({@link CallCapAlerts}, without waiting for them).
 */
@ApplicationScoped
public class ActiveCalls {

  private final Map<Long, AtomicInteger> accounts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> extensions = new ConcurrentHashMap<>();

  @Inject CallCapAlerts capAlerts;

  /**
   * A call of {@code extension} ({@code null} or empty: none, a DID's) of {@code accountId}
   * started.
   */
  public void callStarted(long accountId, String extension) {
    int calls = accounts.computeIfAbsent(accountId, id -> new AtomicInteger()).incrementAndGet();
    if (extension != null && !extension.isEmpty()) {
      extensions
          .computeIfAbsent(key(accountId, extension), k -> new AtomicInteger())
          .incrementAndGet();
    }
    capAlerts.started(accountId, calls);
  }

  /** That call ended. */
  public void callEnded(long accountId, String extension) {
    decrement(accounts.get(accountId));
    if (extension != null && !extension.isEmpty()) {
      decrement(extensions.get(key(accountId, extension)));
    }
  }

  /** Calls of the account in progress now. */
  public int of(long accountId) {
    AtomicInteger count = accounts.get(accountId);
    return count == null ? 0 : count.get();
  }

  /** Calls of the extension in progress now. */
  public int of(long accountId, String extension) {
    AtomicInteger count = extensions.get(key(accountId, extension));
    return count == null ? 0 : count.get();
  }

  private static void decrement(AtomicInteger count) {
    if (count != null) {
      count.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }
  }

  private static String key(long accountId, String extension) {
    return accountId + "/" + extension;
  }
}
