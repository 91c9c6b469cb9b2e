package io.dialtone.identity.control;

/**
 * The reason an agent gives for acting as a customer: a ticket reference or a few words, trimmed,
 * {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters. It becomes the detail of the audit rows
 * and shows in the banner and in the customer's activity view.
 */
public final class ImpersonationReason {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 200;
  static final String INVALID = "support_act.reasonInvalid";

  private ImpersonationReason() {}

  /** {@code raw} trimmed, or refused when missing, too short or too long. */
  public static String checked(String raw) throws ImpersonationRefused {
    String reason = raw == null ? "" : raw.strip();
    int length = reason.codePointCount(0, reason.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new ImpersonationRefused(INVALID, MIN_LENGTH, MAX_LENGTH);
    }
    return reason;
  }
}
