package io.dialtone.sip.control;

/**
 * What the registrar asks and tells about a request's source address before and after digest
 * authentication: the per-source rate ceiling, the ban after repeated digest failures, scanners.
 * Implementations are fast and in memory; they fire {@link SourceBanned} when they ban and {@link
 * FailureBurst} on a burst of failures against one extension (the portal audits and notifies). The
 * registrar answers a banned source exactly as it answers a wrong password, or drops the request;
 * it never reveals the ban.
 */
public interface SourceGuard {

  /** Counts one request from {@code address}; false when it is banned or over the rate ceiling. */
  boolean admit(String address);

  /** A REGISTER/INVITE/OPTIONS from {@code address} failed digest authentication for the user. */
  void digestFailed(String address, String realm, String user);

  /**
   * {@code address} sent a message that could not be read: one request towards its rate ceiling and
   * one failure towards its ban, as a failed digest is.
   */
  void malformed(String address);

  /** {@code address} announced itself as a SIP scanner by {@code userAgent}: ban it now. */
  void scannerSeen(String address, String userAgent);
}
