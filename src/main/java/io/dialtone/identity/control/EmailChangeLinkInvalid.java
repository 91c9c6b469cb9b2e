package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * An e-mail change link is unknown, used, voided or expired, its user is no longer active, or its
 * address was taken by someone else meanwhile; nothing changed. The confirmation page shows its
 * "link not valid" state rather than a message.
 */
public class EmailChangeLinkInvalid extends Refusal {

  private static final long serialVersionUID = 1L;

  public EmailChangeLinkInvalid() {
    super("confirm_email.invalid");
  }
}
