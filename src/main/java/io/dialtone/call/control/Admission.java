package io.dialtone.call.control;

import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;

/** What call control decided for one INVITE. */
public sealed interface Admission {

  /** To another extension of the same account: fork to its registered contacts. */
  record Internal(ExtensionNumber callee, CallTicket ticket) implements Admission {}

  /**
   * Out through the trunks: send to destination, presenting callerId (From and
   * P-Asserted-Identity).
   *
   * @param destination the number called; {@code null} for an emergency call, whose short number
   *     has no E.164 form (send {@link #dialString()})
   * @param callerId the account's DID to present — or, on the leg out of a carrier's call that the
   *     service continuity forwards, the caller's own number ({@link ForwardedIdentity}); {@code
   *     null} only for an emergency call of an account that holds no number (the trunk's own
   *     identity then applies)
   * @param dialString the Request-URI user part to send: the E.164 number ({@code +15145550100}),
   *     or the emergency digits as the account's country dials them ({@code 911}, {@code 112})
   */
  record Outbound(
      E164Number destination,
      E164Number callerId,
      boolean emergency,
      CallTicket ticket,
      String dialString)
      implements Admission {

    /** A call to {@code destination}, sent as its E.164 form. */
    public Outbound(
        E164Number destination, E164Number callerId, boolean emergency, CallTicket ticket) {
      this(destination, callerId, emergency, ticket, destination.value());
    }
  }

  /**
   * Refused; the blocked or failed CDR is already written.
   *
   * @param status e.g. 403, 404, 480, 503
   * @param reason short ASCII text for the Reason/Warning header (e.g. "Blocked by rule:
   *     international")
   */
  record Refused(int status, String reason) implements Admission {}
}
