package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/** An invitation named an address that already belongs to a user; nothing was stored. */
public class EmailTaken extends Refusal {

  private static final long serialVersionUID = 1L;

  public EmailTaken() {
    super("users.emailTaken");
  }
}
