package io.dialtone.call.control;

import io.dialtone.callpolicy.control.Decision;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.InboundWay;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The ledger of one admitted call: collects what the proxy reports and, at the first closing
 * ({@link #ended} or {@link #failed}), builds the call's one {@link CallRecord} and hands it to its
 * {@link Closer} exactly once. Everything after the closing is ignored. Thread-safe: the proxy's
 * transaction threads and the maximum-duration timer may report at once.
 */
public final class LedgerTicket implements CallTicket {

  /** Where a closed ticket's record goes (the CDR, the counts): called once per ticket. */
  @FunctionalInterface
  public interface Closer {
    void closed(LedgerTicket ticket, CallRecord call, long[] extensionIds, Instant at);
  }

  /**
   * Where the member that answers a ring group's call is counted: called once, at the answer, under
   * the ticket's lock.
   */
  @FunctionalInterface
  public interface MemberSeats {
    /**
     * Counts the call of {@code ticket} for {@code member} from {@code at} on; the member's
     * extension id (its last call is stamped at the end), 0 when it was not counted.
     */
    long seat(LedgerTicket ticket, ExtensionNumber member, Instant at);
  }

  private static final Logger LOG = Logger.getLogger(LedgerTicket.class.getName());

  private final CallFacts facts;
  private final Duration maxDuration;
  private final long[] countedAccounts;
  private final long[] extensionIds;
  private final Closer closer;
  private final List<TrunkAttempt> attempts = new ArrayList<>();
  private Instant answeredAt;
  private String trunk;
  private boolean closed;
  private boolean toExtension;
  private E164Number did;
  private ExtensionNumber meant;
  private String ringGroup;
  private MemberSeats seats;
  private ExtensionNumber seated;
  private long seatedId;
  private ExtensionNumber answeredBy;
  private ContinuityReason reason;
  private String finalDestination;
  private Decision refusal;

  /**
   * @param countedAccounts the account, then each account above it, as counted in the active calls
   * @param extensionIds the extensions on the call (their last call is stamped at the end)
   */
  public LedgerTicket(
      CallFacts facts,
      Duration maxDuration,
      long[] countedAccounts,
      long[] extensionIds,
      Closer closer) {
    if (countedAccounts.length == 0 || countedAccounts[0] != facts.account().value()) {
      throw new IllegalArgumentException("the account is counted first");
    }
    this.facts = facts;
    this.maxDuration = maxDuration;
    this.countedAccounts = countedAccounts.clone();
    this.extensionIds = extensionIds.clone();
    this.closer = closer;
  }

  @Override
  public String callId() {
    return facts.callId();
  }

  @Override
  public Duration maxDuration() {
    return maxDuration;
  }

  @Override
  public synchronized void trunkAttempt(String trunk, int status, Instant at) {
    if (closed) {
      return;
    }
    if (attempts.size() < MAX_ATTEMPTS) {
      try {
        attempts.add(
            new TrunkAttempt(
                trunk,
                status == 0 ? NO_ANSWER : status,
                Duration.between(facts.start(), notBefore(at, facts.start()))));
      } catch (IllegalArgumentException e) {
        LOG.warning("call " + callId() + ": trunk attempt not recorded: " + e.getMessage());
      }
    }
  }

  @Override
  public synchronized void answered(Instant at, String trunk) {
    if (closed || answeredAt != null) {
      return;
    }
    answeredAt = notBefore(at, facts.start());
    this.trunk = trunk;
    if (seats != null && answeredBy != null) {
      long id = seats.seat(this, answeredBy, answeredAt);
      if (id > 0) {
        seated = answeredBy;
        seatedId = id;
      }
    }
  }

  @Override
  public void ended(Instant at, HangupSide side) {
    CallRecord call;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      call = answeredAt == null ? unanswered(at, 0, side) : answered(at, side);
    }
    closer.closed(this, call, used(), call.end());
  }

  @Override
  public void failed(Instant at, int status) {
    CallRecord call;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      call = answeredAt == null ? unanswered(at, status, null) : answered(at, HangupSide.SYSTEM);
    }
    closer.closed(this, call, used(), call.end());
  }

  /** The extensions on the call: those it was admitted with, and the member that answered. */
  private synchronized long[] used() {
    if (seatedId == 0) {
      return extensionIds.clone();
    }
    long[] used = java.util.Arrays.copyOf(extensionIds, extensionIds.length + 1);
    used[extensionIds.length] = seatedId;
    return used;
  }

  /**
   * The call is to extension {@code target} (null: none) through {@code number} (null: an internal
   * call): its record tells the way the call took.
   */
  public synchronized void meant(E164Number number, ExtensionNumber target) {
    toExtension = true;
    did = number;
    meant = target;
  }

  /**
   * The call through {@code number} is for the ring group named {@code name}: its record says so.
   */
  public synchronized void meantForGroup(E164Number number, String name) {
    meantForGroup(number, name, null);
  }

  /**
   * As {@link #meantForGroup(E164Number, String)}; the member that answers is counted by {@code
   * seats} (null: by none) at the answer.
   */
  public synchronized void meantForGroup(E164Number number, String name, MemberSeats seats) {
    meant(number, null);
    ringGroup = name;
    this.seats = seats;
  }

  @Override
  public synchronized void answeredBy(ExtensionNumber extension) {
    if (!closed && answeredAt == null) {
      answeredBy = extension;
    }
  }

  @Override
  public synchronized void continued(ContinuityReason why, String destination) {
    if (!closed && answeredAt == null) {
      reason = why;
      finalDestination = destination;
    }
  }

  @Override
  public void refused(Instant at, Decision decision) {
    synchronized (this) {
      if (closed || decision.allowed()) {
        return;
      }
      refusal = decision;
    }
    failed(at, CallRecord.BLOCKED_STATUS);
  }

  /** Whether the call is connected now. */
  public synchronized boolean isAnswered() {
    return answeredAt != null && !closed;
  }

  /** Whether the ticket is closed (its record handed over). */
  public synchronized boolean isClosed() {
    return closed;
  }

  public CallFacts facts() {
    return facts;
  }

  /** The calling extension (counted in the active calls). */
  public ExtensionNumber caller() {
    return facts.extension();
  }

  /**
   * The ring group's member that answered the call and counts it among its calls in progress,
   * {@code null}: none (no group call, not answered yet, or not counted).
   */
  public synchronized ExtensionNumber seatedMember() {
    return seated;
  }

  long[] countedAccounts() {
    return countedAccounts.clone();
  }

  /** How a failed attempt's final status reads in the CDR. */
  public static Disposition dispositionOf(int status) {
    return switch (status) {
      case 486, 600, 603 -> Disposition.BUSY;
      case 408, 480, 487 -> Disposition.NO_ANSWER;
      default -> Disposition.FAILED;
    };
  }

  /**
   * What an attempt without an answer (timeout, transport error: status 0) is recorded as: 408,
   * what a proxy answers itself when a branch gives no response (RFC 3261 §16.7, §16.8).
   */
  private static final int NO_ANSWER = 408;

  /** The most trunk attempts kept: what the CDR's column holds (each at most 36 characters). */
  private static final int MAX_ATTEMPTS = 6;

  private CallRecord answered(Instant at, HangupSide side) {
    Instant answer = answeredAt.truncatedTo(ChronoUnit.MICROS);
    Instant end = notBefore(at, answer).truncatedTo(ChronoUnit.MICROS);
    return record(answer, end, Disposition.ANSWERED, side, 200);
  }

  private CallRecord unanswered(Instant at, int status, HangupSide side) {
    Instant end = notBefore(at, facts.start());
    int sip = status >= 100 && status <= 699 ? status : 0;
    return record(
        null, end, refusal != null ? Disposition.BLOCKED : dispositionOf(status), side, sip);
  }

  private CallRecord record(
      Instant answer, Instant end, Disposition disposition, HangupSide side, int status) {
    int billsec = answer == null ? 0 : (int) Duration.between(answer, end).toSeconds();
    // a ring group's call is the call of the member that answered it (their own list shows it)
    ExtensionNumber extension =
        ringGroup != null && answer != null && answeredBy != null ? answeredBy : facts.extension();
    return new CallRecord(
        facts.account(),
        extension,
        facts.direction(),
        facts.caller(),
        facts.callee(),
        CallRecord.digitsOf(facts.callee()),
        facts.destination(),
        facts.country(),
        facts.start(),
        answer,
        end,
        billsec,
        disposition,
        refusal == null ? null : refusal.rule(),
        refusal == null ? null : refusal.ruleId(),
        answer == null ? null : trunk,
        attempts,
        facts.callId(),
        side == null || answer == null ? null : side.name(),
        status,
        toExtension
            ? new InboundWay(did, meant, answeredBy, reason, finalDestination, ringGroup)
            : null);
  }

  private static Instant notBefore(Instant at, Instant floor) {
    return at == null || at.isBefore(floor) ? floor : at;
  }
}
