package io.dialtone.identity.control;

/** An invitation named an address that already belongs to a user; nothing was stored. */
public class EmailTaken extends Exception {

  private static final long serialVersionUID = 1L;

  public EmailTaken() {
    super("e-mail address already in use");
  }
}
