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
   */
  record Outbound(E164Number destination, E164Number callerId, boolean emergency, CallTicket ticket)
      implements Admission {}

  /**
   * Refused; the blocked or failed CDR is already written.
   *
   * @param status e.g. 403, 404, 480, 503
   * @param reason short ASCII text for the Reason/Warning header (e.g. "Blocked by rule:
   *     international")
   */
  record Refused(int status, String reason) implements Admission {}
}
