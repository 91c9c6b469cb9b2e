package io.dialtone.identity.entity;

/** What a one-time link is for. */
public enum TokenPurpose {
  SETUP,
  INVITATION,
  PASSWORD_RESET
}
