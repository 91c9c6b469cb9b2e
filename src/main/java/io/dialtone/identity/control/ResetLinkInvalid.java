package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * A password reset link that was never issued, is used, voided or expired. The reset page shows its
 * "link not valid" state rather than a message.
 */
public class ResetLinkInvalid extends Refusal {

  private static final long serialVersionUID = 1L;

  public ResetLinkInvalid() {
    super("reset.invalid");
  }
}
