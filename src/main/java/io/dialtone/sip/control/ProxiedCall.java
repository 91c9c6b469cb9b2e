package io.dialtone.sip.control;

/**
 * One call as the proxy holds it (RFC 3261 §16, record-routing, stateful for the INVITE): the
 * caller's INVITE, the branches it is forwarded on, and once a branch answered the dialog between
 * the two phones, whose BYE and ACK pass through Dialtone. The SIP transport implements it; call
 * control decides. Provisional and 2xx answers of a branch reach the caller as they come; a
 * branch's final failure is held back until call control either forwards the call elsewhere or
 * calls {@link #fail}. Thread-safe; calls after the call ended are ignored.
 */
public interface ProxiedCall {

  /** The INVITE as received. */
  SipRequest request();

  /** The user part of the Request-URI: what the caller dialled, as received (may be empty). */
  String dialled();

  /** Where call-level events go (set once, before the first {@link #forward}). */
  void listen(CallListener listener);

  /** Forwards the INVITE on a new branch (a copy, SDP untouched) to {@code target}. */
  Branch forward(ForkTarget target, BranchListener listener);

  /**
   * Ends the unanswered call with {@code status}: the final answer a branch gave with that status
   * when there is one (e.g. the callee's 486), else an answer of Dialtone's own carrying {@code
   * reason} (short ASCII) in a Reason header. Pending branches are cancelled.
   */
  void fail(int status, String reason, SipAnswer.Header... headers);

  /** Ends the answered call: BYE to both phones (the maximum duration was reached). */
  void hangUp();
}
