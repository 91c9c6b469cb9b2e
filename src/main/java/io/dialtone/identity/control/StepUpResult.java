package io.dialtone.identity.control;

/** How a step-up attempt ended; only {@link #CONFIRMED} makes {@link StepUp#isRecent()} true. */
public enum StepUpResult {
  /** The password or code was right: the step-up counts for 5 minutes. */
  CONFIRMED,
  /** Wrong password or code; counted towards the lockout (A5). */
  WRONG,
  /** A right TOTP code whose time step was already used (B3); counted too. */
  CODE_ALREADY_USED,
  /** The user is locked after too many failures: nothing was checked. */
  LOCKED;

  public boolean confirmed() {
    return this == CONFIRMED;
  }
}
