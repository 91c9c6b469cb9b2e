package io.dialtone.identity.control;

/** The code typed to confirm a new authenticator does not match its secret; nothing changed. */
public class WrongTotpCode extends Exception {

  private static final long serialVersionUID = 1L;

  public WrongTotpCode() {
    super("code does not match the new authenticator");
  }
}
