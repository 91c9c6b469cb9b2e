package io.dialtone.call.control;

import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.sip.control.Diversion;

/**
 * How the leg of a carrier's call that the service continuity sends out through a trunk presents
 * itself, as carriers expect of a forwarded call: the caller's own number in From and
 * P-Asserted-Identity, and the customer's DID that was called in {@code Diversion} (RFC 5806), with
 * why. The DID is what the customer holds and what the carrier checks; the caller's number is the
 * one exception to "an account presents only its own numbers", because the call is the caller's,
 * passed on. A caller without a number (anonymous, a name) is presented as the DID.
 */
final class ForwardedIdentity {

  private ForwardedIdentity() {}

  /** The number the leg presents: the caller's ({@code callerUser}, as the carrier sent it). */
  static E164Number presented(String callerUser, E164Number did) {
    return CallRouting.numberOf(callerUser).orElse(did);
  }

  /** The diversion from {@code did} for {@code reason} (RFC 5806 §4's reason names). */
  static Diversion diversion(E164Number did, ContinuityReason reason) {
    return new Diversion(did.value(), reasonOf(reason));
  }

  /** Not registered and unreachable are both "unavailable"; no answer is "no-answer". */
  static String reasonOf(ContinuityReason reason) {
    return switch (reason) {
      case NOT_REGISTERED, UNREACHABLE -> "unavailable";
      case NO_ANSWER -> "no-answer";
    };
  }
}
