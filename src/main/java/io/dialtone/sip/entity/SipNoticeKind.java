package io.dialtone.sip.entity;

/** What a portal notice from the registrar is about; labels live in {@code sip_notices.*}. */
public enum SipNoticeKind {
  /** Every registration of an extension expired or was removed. */
  DEVICE_OFFLINE,
  /** Someone is guessing an extension's SIP password. */
  FAILURE_BURST,
  /** The registrar banned a source address (platform administrators). */
  SOURCE_BANNED
}
