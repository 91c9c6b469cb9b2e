package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * The current password given to confirm a change was wrong; the failure was counted (A5), so the
 * use case that throws it must not roll back.
 */
public class WrongCurrentPassword extends Refusal {

  private static final long serialVersionUID = 1L;

  public WrongCurrentPassword() {
    super("profile_password.wrongCurrent");
  }
}
