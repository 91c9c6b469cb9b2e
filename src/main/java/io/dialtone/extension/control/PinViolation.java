package io.dialtone.extension.control;

/**
 * A rule of {@link PinPolicy} that a candidate voicemail PIN breaks. Shown through its message key
 * {@code pin.violation.<NAME>}; Java holds no user-facing text.
 */
public enum PinViolation {
  /** Fewer than {@value PinPolicy#MIN_LENGTH} digits. */
  TOO_SHORT,
  /** More than {@value PinPolicy#MAX_LENGTH} digits. */
  TOO_LONG,
  /** Something other than digits. */
  NOT_DIGITS,
  /** One digit repeated (000000). */
  ALL_SAME_DIGIT,
  /** An ascending or descending run, wrapping past 9 and 0 (123456, 654321, 890123). */
  SEQUENCE,
  /** The extension number, or it repeated (201201). */
  EXTENSION,
  /** The extension number reversed, or that repeated (102102). */
  EXTENSION_REVERSED,
  /** Holds the last six digits of one of the extension's DIDs. */
  DID_DIGITS,
  /** One of the last {@value PinPolicy#HISTORY} PINs. */
  RECENTLY_USED,
  /** On the bundled list of common PINs. */
  TOO_COMMON;

  private static final String KEY_PREFIX = "pin.violation.";

  /** The message bundle key, e.g. {@code pin.violation.SEQUENCE}. */
  public String messageKey() {
    return KEY_PREFIX + name();
  }
}
