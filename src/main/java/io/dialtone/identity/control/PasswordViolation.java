package io.dialtone.identity.control;

/**
 * A rule of {@link PasswordPolicy} that a candidate password breaks.
 *
 * <p>Rule: each constant is shown through its message key {@code password.violation.<NAME>}; Java
 * holds no user-facing text.
 */
public enum PasswordViolation {
  /** Fewer than {@value PasswordPolicy#MIN_LENGTH} characters. */
  TOO_SHORT,
  /** More than {@value PasswordPolicy#MAX_LENGTH} characters: rejected, never truncated. */
  TOO_LONG,
  /** No letter. */
  NO_LETTER,
  /** No digit. */
  NO_DIGIT,
  /** A common password, or one padded with digits and symbols. */
  TOO_COMMON,
  /** Contains the local part of the user's e-mail address. */
  CONTAINS_EMAIL;

  private static final String KEY_PREFIX = "password.violation.";

  /** The message bundle key, e.g. {@code password.violation.TOO_SHORT}. */
  public String messageKey() {
    return KEY_PREFIX + name();
  }
}
