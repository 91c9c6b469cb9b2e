package io.dialtone.notification.entity;

/**
 * The kinds of e-mail Dialtone sends. Each one has {@code mail.<key>.subject} and {@code
 * mail.<key>.body} in the application bundle; the javadoc says what the body's arguments are.
 */
public enum NoticeKind {
  /** Your password was changed. {0} = time (UTC), {1} = source IP. No secret. */
  PASSWORD_CHANGED("passwordChanged"),
  /** A one-time link to set a new password. {0} = the link, {1} = validity in minutes. */
  PASSWORD_RESET_LINK("passwordResetLink"),
  /** Your password was reset with a link. {0} = time (UTC), {1} = source IP. No secret. */
  PASSWORD_RESET_DONE("passwordResetDone"),
  /**
   * You are invited. {0} = the one-time link, {1} = the account's name, {2} = validity in hours.
   */
  INVITATION("invitation"),
  /**
   * An administrator reset your second factor. {0} = the one-time re-enrolment link, {1} = validity
   * in hours. No secret.
   */
  MFA_RESET_LINK("mfaResetLink"),
  /** A new authenticator app replaced the old one. {0} = time (UTC), {1} = source IP. */
  MFA_CHANGED("mfaChanged"),
  /** New recovery codes replaced the old ones. {0} = time (UTC), {1} = source IP. No code. */
  RECOVERY_CODES_REGENERATED("recoveryCodesRegenerated"),
  /** To the OLD address: a change was asked. {0} = time, {1} = source IP, {2} = new, masked. */
  EMAIL_CHANGE_REQUESTED("emailChangeRequested"),
  /** To the NEW address: the link confirming it. {0} = the link, {1} = validity in hours. */
  EMAIL_CHANGE_LINK("emailChangeLink"),
  /** To the NEW address when it already has an account: no link. {0} = time, {1} = source IP. */
  EMAIL_CHANGE_ADDRESS_TAKEN("emailChangeAddressTaken"),
  /** To the OLD address: the change took effect. {0} = time, {1} = source IP, {2} = new, masked. */
  EMAIL_CHANGED("emailChanged"),
  /**
   * An extension's SIP secret was regenerated. {0} = extension number, {1} = time (UTC), {2} =
   * source IP. No secret.
   */
  SIP_SECRET_CHANGED("sipSecretChanged"),
  // ---- usage limits and alerts ----
  /**
   * Usage reached a threshold of a cap. {0} = account name, {1} = the cap's name (in the mail's
   * language), {2} = the threshold in percent, {3} = usage so far, {4} = the cap.
   */
  USAGE_ALERT("usageAlert"),
  /**
   * A limit request was approved. {0} = account name, {1} = the cap's name (in the mail's
   * language), {2} = the new cap, {3} = the comment or empty.
   */
  LIMIT_REQUEST_APPROVED("limitRequestApproved"),
  /** A limit request was refused. {0}, {1} as approved, {2} = the amount asked, {3} = comment. */
  LIMIT_REQUEST_REFUSED("limitRequestRefused"),
  /** A temporary raise ended. {0}, {1} as approved, {2} = the cap in effect now ("-": none). */
  LIMIT_RAISE_ENDED("limitRaiseEnded"),
  // ---- SIP registrar ----
  /**
   * To platform administrators: the registrar banned a source address. {0} = address, {1} = reason
   * (the BanReason label), {2} = since (UTC), {3} = until (UTC), {4} = last User-Agent.
   */
  SIP_SOURCE_BANNED("sipSourceBanned"),
  /**
   * To a customer's administrators: someone is guessing an extension's SIP password. {0} =
   * extension number, {1} = failed attempts, {2} = since (UTC). No secret.
   */
  SIP_FAILURE_BURST("sipFailureBurst"),
  // ---- limit requests, concurrent-call alerts, DIDs ----
  /**
   * To the administrators who decide it: a limit-change request arrived. {0} = account name, {1} =
   * the cap's name (in the mail's language), {2} = account number, {3} = the cap granted now ("-":
   * none), {4} = the amount asked, {5} = until (date, or "-" for good), {6} = the reason.
   */
  LIMIT_REQUEST_RECEIVED("limitRequestReceived"),
  /**
   * The calls in progress reached a threshold of the concurrent-call cap. {0} = account name, {1} =
   * the cap's name (in the mail's language), {2} = the threshold in percent, {3} = calls in
   * progress, {4} = the cap.
   */
  CONCURRENT_CALLS_ALERT("concurrentCallsAlert"),
  /**
   * A phone number was assigned to the customer's account. {0} = the number, {1} = account name.
   */
  DID_ASSIGNED("didAssigned");

  private final String key;

  NoticeKind(String key) {
    this.key = key;
  }

  public String subjectKey() {
    return "mail." + key + ".subject";
  }

  public String bodyKey() {
    return "mail." + key + ".body";
  }
}
