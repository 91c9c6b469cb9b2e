package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * A requested new address cannot be used; nothing changed. The reason is the user's own input,
 * never whether the address belongs to somebody else (that is answered like a free address).
 */
public class EmailChangeRefused extends Refusal {

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
    super("profile_security.email." + (reason == Reason.INVALID ? "invalid" : "unchanged"));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
