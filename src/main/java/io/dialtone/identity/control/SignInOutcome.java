package io.dialtone.identity.control;

/**
 * What a sign-in step ended with, as far as the person signing in may know. Unknown user, wrong
 * password, disabled user and locked account are one outcome ({@link #FAILED}), so the answer
 * reveals nothing about which accounts exist.
 */
public enum SignInOutcome {
  /** Password accepted: the session may now only reach the second-factor step. */
  MFA_REQUIRED,
  /** Both factors passed: the user is signed in. */
  SIGNED_IN,
  /** Wrong credentials, unknown user, disabled or locked: one answer for all. */
  FAILED,
  /** A TOTP code that was already used (replayed or submitted twice in parallel). */
  CODE_ALREADY_USED,
  /** The password step is too old or missing: start again. */
  EXPIRED
}
