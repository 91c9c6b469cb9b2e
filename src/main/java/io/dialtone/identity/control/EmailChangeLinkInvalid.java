package io.dialtone.identity.control;

/**
 * An e-mail change link is unknown, used, voided or expired, its user is no longer active, or its
 * address was taken by someone else meanwhile; nothing changed.
 */
public class EmailChangeLinkInvalid extends Exception {

  private static final long serialVersionUID = 1L;

  public EmailChangeLinkInvalid() {
    super("e-mail change link not usable");
  }
}
