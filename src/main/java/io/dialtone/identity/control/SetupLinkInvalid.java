package io.dialtone.identity.control;

/** The setup link was never issued, is used, voided or expired. */
public class SetupLinkInvalid extends Exception {

  private static final long serialVersionUID = 1L;

  public SetupLinkInvalid() {
    super("setup link not usable");
  }
}
