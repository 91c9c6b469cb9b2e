package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/** The code typed to confirm a new authenticator does not match its secret; nothing changed. */
public class WrongTotpCode extends Refusal {

  private static final long serialVersionUID = 1L;

  public WrongTotpCode() {
    super("profile_security.mfa.wrongCode");
  }
}
