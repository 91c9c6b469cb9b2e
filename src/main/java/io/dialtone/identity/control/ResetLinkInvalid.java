package io.dialtone.identity.control;

/** A password reset link that was never issued, is used, voided or expired. */
public class ResetLinkInvalid extends Exception {

  private static final long serialVersionUID = 1L;

  public ResetLinkInvalid() {
    super("reset link not usable");
  }
}
