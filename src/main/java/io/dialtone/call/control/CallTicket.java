package io.dialtone.call.control;

import io.dialtone.callpolicy.control.Decision;
import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;

/**
 * The ledger of one admitted call. The proxy reports what happens; exactly one of the closings
 * ({@link #answered} then {@link #ended}, or {@link #failed}) happens once, and it writes exactly
 * one CDR and releases the caps. Thread-safe; calls after closing are ignored.
 */
public interface CallTicket {

  String callId();

  /** Longest time the call may last once answered (account setting, default 4 h). */
  Duration maxDuration();

  /**
   * One trunk tried (outbound): its name, the final status it gave (0 = no answer / transport
   * error) and when that was known.
   */
  void trunkAttempt(String trunk, int status, Instant at);

  /** A 2xx reached the caller at 'at'; 'trunk' carried it (null for internal calls). */
  void answered(Instant at, String trunk);

  /** The answered call ended (BYE from side, or the maximum duration: side = MAX_DURATION). */
  void ended(Instant at, HangupSide side);

  /**
   * The call ended without answer: status = final status passed back (486, 480, 487 cancelled,
   * 503...).
   */
  void failed(Instant at, int status);

  /** Extension {@code extension} answered (a call to an extension's phones). */
  void answeredBy(ExtensionNumber extension);

  /**
   * The call went on to its continuity destination {@code destination} (an extension's digits or an
   * E.164 number) for {@code reason}.
   */
  void continued(ContinuityReason reason, String destination);

  /** The continuity's onward call was refused by {@code decision}: the call ends blocked. */
  void refused(Instant at, Decision decision);
}
