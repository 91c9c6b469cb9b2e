package io.dialtone.account.control;

/** A suspended account's users cannot sign in (and, later, its phones cannot register). */
public enum AccountStatus {
  ACTIVE,
  SUSPENDED
}
