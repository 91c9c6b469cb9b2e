package io.dialtone.extension.control;

/** The voicemail system's answer to a PIN entry ({@link VoicemailPins#verifyPin}). */
public enum PinCheck {
  /** Right PIN: the mailbox opens, the failure count starts again. */
  ACCEPTED,
  /** Right PIN, but a temporary one an administrator set: the caller must choose a new one now. */
  ACCEPTED_MUST_CHANGE,
  /** Wrong PIN (or no PIN set, or no such mailbox: the same answer). */
  WRONG,
  /** Locked after repeated wrong PINs; nothing is checked until the lock ends. */
  LOCKED,
  /**
   * The caller's source failed too many PIN checks lately ({@link PinSourceGuard}): refused
   * whatever the mailbox and PIN, nothing checked; the voicemail system should hang up.
   */
  SOURCE_REFUSED
}
