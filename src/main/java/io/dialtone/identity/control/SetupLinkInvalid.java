package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * The setup or enrolment link was never issued, is used, voided or expired. The page shows its
 * "link not valid" state ({@link #messageKey()}) rather than a message.
 */
public class SetupLinkInvalid extends Refusal {

  private static final long serialVersionUID = 1L;

  /** The first administrator's setup link. */
  public SetupLinkInvalid() {
    this("setup.invalid");
  }

  /** With the key of the page's explanation, e.g. {@code enrol.invalid} for an invitation. */
  public SetupLinkInvalid(String messageKey) {
    super(messageKey);
  }
}
