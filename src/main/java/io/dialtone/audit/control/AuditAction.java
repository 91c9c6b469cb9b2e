package io.dialtone.audit.control;

/**
 * What was done. Stored and hashed by name in {@code audit_event.action} (at most 64 characters):
 * add constants freely, but never rename or remove one, or older rows no longer load or verify.
 */
public enum AuditAction {
  /** The application started. */
  SERVICE_START,
  /** The application is stopping. */
  SERVICE_STOP,
  /** A first-run setup link was issued. */
  SETUP_LINK_ISSUED,
  /** First-run setup created the first administrator. */
  SETUP_COMPLETED,
  /** A setup link was unknown, expired, used or voided. */
  SETUP_TOKEN_REJECTED,
  /** Password step of a sign-in passed. */
  SIGN_IN_PASSWORD,
  /** Sign-in completed with a TOTP code. */
  SIGN_IN_MFA,
  /** Sign-in completed with a recovery code. */
  SIGN_IN_RECOVERY_CODE,
  /** A sign-in step failed. */
  SIGN_IN_FAILED,
  /** A TOTP code was offered again within its time step. */
  TOTP_REPLAY,
  /** An account was locked after too many failures. */
  ACCOUNT_LOCKED,
  /** A user signed out. */
  SIGN_OUT,
  /** The audit chain was verified (its result says whether it was intact). */
  AUDIT_CHAIN_VERIFIED,
  /** A caller was refused something their roles or scope do not allow. */
  ACCESS_DENIED,
  /** Someone read the audit trail (with the filter they used). */
  AUDIT_VIEWED,
  /** A signed-in user changed their password (or was refused: wrong current, policy, history). */
  PASSWORD_CHANGED,
  /** Someone asked for a password reset link (sent only to an existing active user). */
  PASSWORD_RESET_REQUESTED,
  /** A password was set through a reset link (or the link or the new password was refused). */
  PASSWORD_RESET_COMPLETED,
  /** Too many sign-in attempts from one address: refused before checking anything. */
  SIGN_IN_THROTTLED,
  /** Too many password reset requests from one address: refused before doing anything. */
  PASSWORD_RESET_THROTTLED,
  /** A reseller or customer account was created. */
  ACCOUNT_CREATED,
  /** An account's profile or usage caps changed. */
  ACCOUNT_UPDATED,
  /** An account was suspended: its users (and those below it) can no longer sign in. */
  ACCOUNT_SUSPENDED,
  /** A suspended account was reactivated. */
  ACCOUNT_REACTIVATED,
  /** A user was invited to an account (a one-time enrolment link was mailed). */
  USER_INVITED,
  /** An open invitation was sent again (the previous link stopped working). */
  INVITATION_RESENT,
  /** An invitee set a password and enrolled TOTP. */
  INVITATION_ACCEPTED,
  /** An enrolment link (invitation or MFA reset) was unknown, used, voided or expired. */
  ENROLMENT_LINK_REJECTED,
  /** Too many enrolment-link attempts from one address: refused before checking anything. */
  ENROLMENT_THROTTLED,
  /** A user's roles were changed (their sessions ended). */
  USER_ROLES_CHANGED,
  /** A user was disabled (their sessions ended). */
  USER_DISABLED,
  /** A disabled user was enabled again. */
  USER_ENABLED,
  /** An administrator reset a user's second factor (the user was mailed a re-enrolment link). */
  USER_MFA_RESET,
  /** A user enrolled a new authenticator from an MFA-reset link. */
  MFA_REENROLLED,
  /** A signed-in user re-entered their password or a TOTP code before a sensitive action. */
  STEP_UP,
  /** A user asked to change their e-mail address (a confirmation link went to the new one). */
  EMAIL_CHANGE_REQUESTED,
  /** A user's e-mail address changed through its confirmation link (or the link was refused). */
  EMAIL_CHANGE_CONFIRMED,
  /** A user enrolled a new authenticator app in place of the old one. */
  MFA_CHANGED,
  /** A user got a new set of recovery codes; the old ones no longer work. */
  RECOVERY_CODES_REGENERATED,
  /** The daily sweep disabled a user inactive too long (DENIED: kept as last platform admin). */
  USER_DISABLED_INACTIVE,
  /** Support searched for customers (the detail holds the search). */
  CUSTOMERS_SEARCHED,
  /** An agent started acting as a customer administrator (the detail holds the reason). */
  IMPERSONATION_STARTED,
  /** An agent stopped acting as a customer, or the time box ran out (the detail says which). */
  IMPERSONATION_ENDED,
  /** An account's call-blocking toggles changed (the detail holds before -> after). */
  CALL_POLICY_CHANGED,
  /** A call-blocking rule (allowed country, area code, number, prefix) was added. */
  CALL_POLICY_RULE_ADDED,
  /** A call-blocking rule was removed. */
  CALL_POLICY_RULE_REMOVED,
  /** An extension's class of service or blocks changed, or its narrowing was removed. */
  EXTENSION_CALL_POLICY_CHANGED,
  /** Staff tested another account's call policy with the rule tester (the detail holds it). */
  CALL_POLICY_TESTED,
  /** A platform-wide blocked range was added. */
  PLATFORM_RANGE_ADDED,
  /** A platform-wide blocked range was removed. */
  PLATFORM_RANGE_REMOVED,
  /** An extension was created (its SIP secret was generated and shown once). */
  EXTENSION_CREATED,
  /** An extension's name, user, limits, class of service or continuity destination changed. */
  EXTENSION_CHANGED,
  /** An extension was disabled (its phones are refused) or enabled again (the detail says). */
  EXTENSION_STATUS_CHANGED,
  /** An extension was deleted (number freed, credential wiped, history kept). */
  EXTENSION_DELETED,
  /** An extension's SIP secret was regenerated (the old one stopped working). */
  SIP_SECRET_REGENERATED,
  /** Extensions were created from a CSV file (the detail holds the count). */
  EXTENSIONS_IMPORTED,
  /** A voicemail PIN was set by its user or reset by an administrator (the detail says). */
  VOICEMAIL_PIN_CHANGED,
  /** A voicemail mailbox was locked after repeated wrong PINs. */
  VOICEMAIL_PIN_LOCKED,
  /** The platform administrator uploaded a rate deck (FAILURE: refused, nothing changed). */
  RATE_DECK_UPLOADED,
  // ---- usage limits, limit requests and alerts ----
  /** A customer administrator changed the account's own usage limits or an extension's cap. */
  USAGE_LIMITS_CHANGED,
  /** A customer administrator asked to raise a cap granted from above. */
  LIMIT_REQUESTED,
  /** A reseller or platform administrator approved a limit request: the cap was raised. */
  LIMIT_REQUEST_APPROVED,
  /** A reseller or platform administrator refused a limit request. */
  LIMIT_REQUEST_REFUSED,
  /** A temporary raise reached its end date: the cap fell back (the detail says to what). */
  LIMIT_RAISE_ENDED,
  /** Usage reached 80 % or 100 % of a cap; the account's administrators were told. */
  USAGE_ALERT_SENT,
  // dids (DID inventory, assignment and routing)
  /** Numbers were added to the platform's DID inventory (the detail holds how many). */
  DIDS_ADDED,
  /** A DID was assigned to an account or taken back (the detail says from and to). */
  DID_ASSIGNED,
  /** A DID's route (extension) or continuity destination changed. */
  DID_ROUTED,
  /** A ring group was created (its strategy, ring time, members and continuity destination). */
  RING_GROUP_CREATED,
  /** A ring group's settings or members changed (also: a deleted extension left it). */
  RING_GROUP_CHANGED,
  /** A ring group was deleted. */
  RING_GROUP_DELETED,
  // CDR page, export and retention
  /** Staff read another account's call records (the detail holds the filter or the call). */
  CDRS_VIEWED,
  /** Call records were exported as CSV (the detail holds the filter and the rows written). */
  CDRS_EXPORTED,
  /** An account's call-record retention changed (the detail holds before -> after, in months). */
  CDR_RETENTION_CHANGED,
  /** The nightly retention job removed expired call records (the detail holds the counts). */
  CDR_RETENTION_APPLIED,
  /** The backfill of the summary rows of calls stored before they existed started (the counts). */
  CDR_SUMMARY_BACKFILL_STARTED,
  /** That backfill finished: every range reads summary rows (the detail holds the counts). */
  CDR_SUMMARY_BACKFILL_FINISHED,
  // SIP registrar (bans)
  /**
   * The SIP registrar banned a source address (digest failures, flood or scanner; actor system).
   */
  SIP_SOURCE_BANNED,
  /** A platform administrator lifted a SIP ban (FAILURE: the address had no ban). */
  SIP_BAN_LIFTED,
  // voicemail PIN checks per caller source
  /**
   * A caller source failed too many voicemail PIN checks (across mailboxes) and is refused for a
   * while (the detail holds the source and the rule).
   */
  VOICEMAIL_PIN_SOURCE_REFUSED,
  // carrier trunks (the detail says what changed in plain words, never a password)
  /** A platform administrator added a carrier trunk. */
  TRUNK_CREATED,
  /** A platform administrator changed a carrier trunk (the detail holds before -> after). */
  TRUNK_CHANGED,
  /** A platform administrator enabled a carrier trunk: calls may use it again. */
  TRUNK_ENABLED,
  /** A platform administrator disabled a carrier trunk: no call uses it. */
  TRUNK_DISABLED,
  /** A platform administrator deleted a carrier trunk. */
  TRUNK_DELETED,
  // data keys
  /** A platform administrator started a rotation to a new data key (the detail names both). */
  DATA_KEY_ROTATION_STARTED,
  /** A rotation moved every stored secret to the new key (actor system; the detail counts them). */
  DATA_KEY_ROTATION_FINISHED,
  /** A platform administrator retired a data key no secret uses any more. */
  DATA_KEY_RETIRED
}
