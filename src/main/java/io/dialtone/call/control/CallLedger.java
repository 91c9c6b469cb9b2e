package io.dialtone.call.control;

import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import io.dialtone.extension.control.CallingExtensions;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.platform.control.CallPathThreads;
import io.dialtone.platform.control.CoalescedWork;
import io.dialtone.usage.control.ActiveCalls;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a call's ticket does when it opens and closes, outside the SIP threads' way: counts the call
 * in {@link ActiveCalls} for the account, the extension and every account above (the resellers'
 * concurrent-call caps; a ring group's call counts for the member that answered it from the answer
 * on, {@link #memberAnswered}), lists it among the live calls, and at its close writes its one CDR
 * ({@link CallRecorder#submit}: rated there; {@code UsageRecorded} follows the commit), releases
 * the counts and stamps the extensions' last call (in passes: one statement per extension and one
 * transaction for all the calls that ended since the last pass, {@link CoalescedWork}), at most
 * every {@link #STAMP_EVERY} per extension and node: the stamp serves "not used for N days".
 */
@ApplicationScoped
public class CallLedger {

  private static final Logger LOG = Logger.getLogger(CallLedger.class.getName());

  @Inject CallPathThreads threads;
  @Inject CallRecorder recorder;
  @Inject ActiveCalls active;
  @Inject CallingExtensions extensions;
  @Inject LiveTickets live;

  /** How old this node's last stamp of an extension must be before it writes a new one. */
  static final Duration STAMP_EVERY = Duration.ofMinutes(10);

  private CoalescedWork<Long, Instant> lastCalls;
  private final Map<Long, Instant> stamped = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    lastCalls =
        new CoalescedWork<>(
            (a, b) -> a.isAfter(b) ? a : b, this::stampAll, () -> threads.background());
  }

  /** The call of {@code ticket} started: counted for {@code accounts} (the account first). */
  void opened(LedgerTicket ticket) {
    long[] accounts = ticket.countedAccounts();
    active.callStarted(AccountId.of(accounts[0]), ticket.caller());
    for (int i = 1; i < accounts.length; i++) {
      active.callStarted(AccountId.of(accounts[i]), null);
    }
    live.add(ticket);
  }

  /**
   * The ring group call of {@code account}, counted for the account since it started, was answered
   * by {@code member}: it counts for the member too until the ticket closes.
   */
  void memberAnswered(AccountId account, ExtensionNumber member) {
    active.extensionCallStarted(account, member);
  }

  /** The ticket closed with {@code call}: its CDR, its counts, its extensions' last call. */
  void closed(LedgerTicket ticket, CallRecord call, long[] usedExtensions, Instant at) {
    try {
      recorder
          .submit(call)
          .whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  LOG.log(
                      Level.SEVERE, "the call record of " + call.callId() + " was lost", failure);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the call record of " + call.callId() + " was lost", e);
    } finally {
      release(ticket);
    }
    stamp(usedExtensions, at);
  }

  /** Releases the counts of {@code ticket} and takes it off the live calls (once per ticket). */
  void release(LedgerTicket ticket) {
    live.remove(ticket);
    long[] accounts = ticket.countedAccounts();
    active.callEnded(AccountId.of(accounts[0]), ticket.caller());
    for (int i = 1; i < accounts.length; i++) {
      active.callEnded(AccountId.of(accounts[i]), (ExtensionNumber) null);
    }
    ExtensionNumber member = ticket.seatedMember();
    if (member != null) {
      active.extensionCallEnded(AccountId.of(accounts[0]), member);
    }
  }

  private void stamp(long[] extensionIds, Instant at) {
    for (long id : extensionIds) {
      Instant before = stamped.get(id);
      if (before != null && at.isBefore(before.plus(STAMP_EVERY))) {
        continue; // stamped a moment ago: "not used for N days" counts days
      }
      try {
        lastCalls.add(id, at);
        stamped.put(id, at);
      } catch (RejectedExecutionException e) {
        LOG.log(Level.WARNING, "call path busy: last call of extension " + id + " not stamped", e);
      }
    }
  }

  private void stampAll(Map<Long, Instant> calls) {
    try {
      extensions.called(calls);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "last call of " + calls.size() + " extensions not stamped", e);
    }
  }
}
