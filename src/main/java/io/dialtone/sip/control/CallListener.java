package io.dialtone.sip.control;

/** Call-level events of a {@link ProxiedCall}; called on SIP worker threads. */
public interface CallListener {

  /** The caller cancelled before any answer; the caller got 487 and every branch a CANCEL. */
  void cancelled();

  /** The answered call ended with a BYE from the caller ({@code byCaller}) or the callee. */
  void ended(boolean byCaller);
}
