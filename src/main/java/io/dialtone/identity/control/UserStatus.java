package io.dialtone.identity.control;

/** PENDING users have not finished enrolment; only ACTIVE users can sign in. */
public enum UserStatus {
  PENDING,
  ACTIVE,
  DISABLED
}
