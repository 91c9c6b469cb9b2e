package io.dialtone.identity.control;

/** The current password given to confirm a change was wrong; the failure was counted (A5). */
public class WrongCurrentPassword extends Exception {

  private static final long serialVersionUID = 1L;

  public WrongCurrentPassword() {
    super("current password wrong");
  }
}
