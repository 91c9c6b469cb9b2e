package io.dialtone.usage.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
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

  private final Map<AccountId, AtomicInteger> accounts = new ConcurrentHashMap<>();
  private final Map<Line, AtomicInteger> extensions = new ConcurrentHashMap<>();

  @Inject CallCapAlerts capAlerts;

  /** A call of {@code extension} ({@code null}: none, a DID's) of {@code accountId} started. */
  public void callStarted(AccountId accountId, ExtensionNumber extension) {
    int calls = accounts.computeIfAbsent(accountId, id -> new AtomicInteger()).incrementAndGet();
    if (extension != null) {
      extensions
          .computeIfAbsent(new Line(accountId, extension), k -> new AtomicInteger())
          .incrementAndGet();
    }
    capAlerts.started(accountId.value(), calls);
  }

  /** That call ended. */
  public void callEnded(AccountId accountId, ExtensionNumber extension) {
    decrement(accounts.get(accountId));
    if (extension != null) {
      decrement(extensions.get(new Line(accountId, extension)));
    }
  }

  /**
   * An answered call of a ring group, already counted for the account since it started, now counts
   * for {@code extension}, the member that answered it, too.
   */
  public void extensionCallStarted(AccountId accountId, ExtensionNumber extension) {
    extensions
        .computeIfAbsent(new Line(accountId, extension), k -> new AtomicInteger())
        .incrementAndGet();
  }

  /** That member's call ended (the account's count is released with the call). */
  public void extensionCallEnded(AccountId accountId, ExtensionNumber extension) {
    decrement(extensions.get(new Line(accountId, extension)));
  }

  /** Calls of the account in progress now. */
  public int of(AccountId accountId) {
    AtomicInteger count = accounts.get(accountId);
    return count == null ? 0 : count.get();
  }

  /** Calls of the extension in progress now. */
  public int of(AccountId accountId, ExtensionNumber extension) {
    AtomicInteger count = extensions.get(new Line(accountId, extension));
    return count == null ? 0 : count.get();
  }

  private static void decrement(AtomicInteger count) {
    if (count != null) {
      count.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }
  }

  /** An extension of an account: numbers repeat across accounts. */
  private record Line(AccountId account, ExtensionNumber extension) {}
}
