package io.dialtone.sip.entity;

/** Why a source address was banned; labels live in the bundle as {@code BanReason.NAME}. */
public enum BanReason {
  /** Too many failed digest authentications within the window. */
  DIGEST_FAILURES,
  /** More requests per second than the per-source ceiling. */
  FLOOD,
  /** A User-Agent of a known SIP scanner. */
  SCANNER,
  /** Too many messages that could not be read, within the window. */
  MALFORMED
}
