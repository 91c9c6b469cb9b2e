package io.dialtone.call.control;

import io.dialtone.callpolicy.control.Decision;
import io.dialtone.extension.control.CallingParty;

/** Where a call goes on to its service continuity destination, as {@link CallAdmission} decides. */
sealed interface Onward {

  /** To another enabled extension of the account: fork to its registered phones. */
  record ToExtension(CallingParty callee) implements Onward {}

  /**
   * Out through the trunks, admitted by the call policy like the account's outbound call.
   *
   * @param admitted what to send out; its ticket is the call's own
   */
  record Out(Admission.Outbound admitted) implements Onward {}

  /** The call policy refused the number (a blocked destination, a cap reached). */
  record Refused(Decision decision) implements Onward {}

  /** Nowhere: no destination, or an extension that is gone or disabled. */
  record Nowhere() implements Onward {}
}
