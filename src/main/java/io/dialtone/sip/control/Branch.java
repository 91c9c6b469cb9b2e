package io.dialtone.sip.control;

/** One branch of a {@link ProxiedCall}: the INVITE forwarded to one target. */
public interface Branch {

  /**
   * Gives the branch up: CANCEL once it answered provisionally, else it is abandoned (nothing may
   * be cancelled before a provisional answer, RFC 3261 §9.1). No effect once it answered finally.
   */
  void cancel();
}
