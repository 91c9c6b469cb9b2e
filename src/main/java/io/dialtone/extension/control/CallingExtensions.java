package io.dialtone.extension.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.sip.control.SipCredentialsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Extensions for call control, without permission checks (a phone's digest authenticated the call):
 * the caller and the callee of a call, and the stamp of an extension's last call ({@code
 * last_call_at}, for "not used for N days").
 *
 * <p>Every call reads its caller, and an internal call its callee: both come from one snapshot of
 * every live extension in memory, read in one query, as the registrar keeps every SIP user; a call
 * reads it without a transaction or a query. The snapshot is read again at the first call after any
 * extension's status, secret or settings change commits ({@link SipCredentialsChanged}), and after
 * {@link #KEPT} at most (another node's change shows after that). An extension the snapshot does
 * not hold (created on another node since) is read alone.
 */
@ApplicationScoped
public class CallingExtensions {

  /** How long a snapshot is used at most (another node's change shows after that). */
  public static final Duration KEPT = Duration.ofSeconds(60);

  @Inject LiveExtensionRows rows;

  private record Snapshot(
      Map<Long, CallingParty> byId,
      Map<AccountId, Map<ExtensionNumber, CallingParty>> byNumber,
      long readAt) {}

  private volatile Snapshot snapshot;

  /** Counts the changes committed: a snapshot read across one serves its call, and is not kept. */
  private final AtomicLong changes = new AtomicLong();

  /** The live extension {@code extensionId}, if there is one. */
  public Optional<CallingParty> byId(long extensionId) {
    CallingParty party = current().byId().get(extensionId);
    return party != null ? Optional.of(party) : rows.byId(extensionId);
  }

  /** The live extension {@code number} of {@code account}, if there is one. */
  public Optional<CallingParty> byNumber(AccountId account, ExtensionNumber number) {
    CallingParty party = current().byNumber().getOrDefault(account, Map.of()).get(number);
    return party != null ? Optional.of(party) : rows.byNumber(account, number);
  }

  /** Stamps each extension's last call at its instant, never backwards; one transaction. */
  public void called(Map<Long, Instant> lastCalls) {
    rows.stamp(lastCalls);
  }

  void extensionChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SipCredentialsChanged changed) {
    changes.incrementAndGet();
    snapshot = null;
  }

  private Snapshot current() {
    Snapshot held = snapshot;
    if (fresh(held)) {
      return held;
    }
    synchronized (this) {
      held = snapshot;
      if (fresh(held)) {
        return held;
      }
      long before = changes.get();
      long readAt = System.nanoTime();
      Map<Long, CallingParty> byId = new HashMap<>();
      Map<AccountId, Map<ExtensionNumber, CallingParty>> byNumber = new HashMap<>();
      for (CallingParty party : rows.all()) {
        byId.put(party.id(), party);
        byNumber.computeIfAbsent(party.account(), a -> new HashMap<>()).put(party.number(), party);
      }
      Snapshot read = new Snapshot(byId, byNumber, readAt);
      if (changes.get() == before) {
        snapshot = read;
      }
      return read;
    }
  }

  private static boolean fresh(Snapshot held) {
    return held != null && System.nanoTime() - held.readAt() < KEPT.toNanos();
  }
}
