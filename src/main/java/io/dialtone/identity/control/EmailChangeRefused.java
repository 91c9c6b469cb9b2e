package io.dialtone.identity.control;

/**
 * A requested new address cannot be used; nothing changed. The reason is the user's own input,
 * never whether the address belongs to somebody else (that is answered like a free address).
 */
public class EmailChangeRefused extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why, as a message key suffix. */
  public enum Reason {
    /** Not an e-mail address, or longer than 254 characters. */
    INVALID,
    /** The address the user already has. */
    UNCHANGED
  }

  private final Reason reason;

  public EmailChangeRefused(Reason reason) {
    super("new e-mail refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The bundle key of the message for the user. */
  public String messageKey() {
    return "profile_security.email." + (reason == Reason.INVALID ? "invalid" : "unchanged");
  }
}
