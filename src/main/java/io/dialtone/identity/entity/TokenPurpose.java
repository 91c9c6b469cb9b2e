package io.dialtone.identity.entity;

/** What a one-time link is for. */
public enum TokenPurpose {
  /** First-run setup of the first platform administrator (24 h). */
  SETUP,
  /** An invited user sets a password and enrols TOTP (72 h). */
  INVITATION,
  /** Forgot password: set a new one; TOTP is still asked at sign-in. */
  PASSWORD_RESET,
  /** An administrator reset the user's second factor: enrol a new authenticator. */
  MFA_RESET,
  /** Confirms a new e-mail address from that address; the payload holds the address. */
  EMAIL_CHANGE
}
