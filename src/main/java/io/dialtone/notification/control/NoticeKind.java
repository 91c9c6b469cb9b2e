package io.dialtone.notification.control;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of notice Dialtone sends. Each one has {@code mail.<key>.subject} and {@code
 * mail.<key>.body} in the application bundle; the javadoc says what the body's arguments are. A
 * kind belongs to one {@link NoticeCategory} (the notice page's filter); all go by e-mail, and all
 * but those carrying a one-time link go to the notice page too. Stored by name: never renamed.
 */
public enum NoticeKind {
  /** Your password was changed. {0} = time (UTC), {1} = source IP. No secret. */
  PASSWORD_CHANGED("passwordChanged", NoticeCategory.ACCOUNT),
  /** A one-time link to set a new password. {0} = the link, {1} = validity in minutes. */
  PASSWORD_RESET_LINK("passwordResetLink", NoticeCategory.ACCOUNT),
  /** Your password was reset with a link. {0} = time (UTC), {1} = source IP. No secret. */
  PASSWORD_RESET_DONE("passwordResetDone", NoticeCategory.ACCOUNT),
  /**
   * You are invited. {0} = the one-time link, {1} = the account's name, {2} = validity in hours.
   */
  INVITATION("invitation", NoticeCategory.ACCOUNT),
  /**
   * An administrator reset your second factor. {0} = the one-time re-enrolment link, {1} = validity
   * in hours. No secret.
   */
  MFA_RESET_LINK("mfaResetLink", NoticeCategory.ACCOUNT),
  /** A new authenticator app replaced the old one. {0} = time (UTC), {1} = source IP. */
  MFA_CHANGED("mfaChanged", NoticeCategory.ACCOUNT),
  /** New recovery codes replaced the old ones. {0} = time (UTC), {1} = source IP. No code. */
  RECOVERY_CODES_REGENERATED("recoveryCodesRegenerated", NoticeCategory.ACCOUNT),
  /** To the OLD address: a change was asked. {0} = time, {1} = source IP, {2} = new, masked. */
  EMAIL_CHANGE_REQUESTED("emailChangeRequested", NoticeCategory.ACCOUNT),
  /** To the NEW address: the link confirming it. {0} = the link, {1} = validity in hours. */
  EMAIL_CHANGE_LINK("emailChangeLink", NoticeCategory.ACCOUNT),
  /** To the NEW address when it already has an account: no link. {0} = time, {1} = source IP. */
  EMAIL_CHANGE_ADDRESS_TAKEN("emailChangeAddressTaken", NoticeCategory.ACCOUNT),
  /** To the OLD address: the change took effect. {0} = time, {1} = source IP, {2} = new, masked. */
  EMAIL_CHANGED("emailChanged", NoticeCategory.ACCOUNT),
  /**
   * An extension's SIP secret was regenerated. {0} = extension number, {1} = time (UTC), {2} =
   * source IP. No secret.
   */
  SIP_SECRET_CHANGED("sipSecretChanged", NoticeCategory.PHONES),
  // ---- usage limits and alerts ----
  /**
   * Usage reached a threshold of a cap. {0} = account name, {1} = the cap's name (in the mail's
   * language), {2} = the threshold in percent, {3} = usage so far, {4} = the cap.
   */
  USAGE_ALERT("usageAlert", NoticeCategory.USAGE),
  /**
   * A limit request was approved. {0} = account name, {1} = the cap's name (in the mail's
   * language), {2} = the new cap, {3} = the comment or empty.
   */
  LIMIT_REQUEST_APPROVED("limitRequestApproved", NoticeCategory.USAGE),
  /** A limit request was refused. {0}, {1} as approved, {2} = the amount asked, {3} = comment. */
  LIMIT_REQUEST_REFUSED("limitRequestRefused", NoticeCategory.USAGE),
  /** A temporary raise ended. {0}, {1} as approved, {2} = the cap in effect now ("-": none). */
  LIMIT_RAISE_ENDED("limitRaiseEnded", NoticeCategory.USAGE),
  // ---- SIP registrar ----
  /**
   * To platform administrators: the registrar banned a source address. {0} = address, {1} = reason
   * (the BanReason label), {2} = since (UTC), {3} = until (UTC), {4} = last User-Agent.
   */
  SIP_SOURCE_BANNED("sipSourceBanned", NoticeCategory.PHONES),
  /**
   * To a customer's administrators: someone is guessing an extension's SIP password. {0} =
   * extension number, {1} = failed attempts, {2} = since (UTC). No secret.
   */
  SIP_FAILURE_BURST("sipFailureBurst", NoticeCategory.PHONES),
  // ---- limit requests, concurrent-call alerts, DIDs ----
  /**
   * To the administrators who decide it: a limit-change request arrived. {0} = account name, {1} =
   * the cap's name (in the mail's language), {2} = account number, {3} = the cap granted now ("-":
   * none), {4} = the amount asked, {5} = until (date, or "-" for good), {6} = the reason.
   */
  LIMIT_REQUEST_RECEIVED("limitRequestReceived", NoticeCategory.USAGE),
  /**
   * The calls in progress reached a threshold of the concurrent-call cap. {0} = account name, {1} =
   * the cap's name (in the mail's language), {2} = the threshold in percent, {3} = calls in
   * progress, {4} = the cap.
   */
  CONCURRENT_CALLS_ALERT("concurrentCallsAlert", NoticeCategory.USAGE),
  /**
   * A phone number was assigned to the customer's account. {0} = the number, {1} = account name.
   */
  DID_ASSIGNED("didAssigned", NoticeCategory.NUMBERS),
  /**
   * To an account's administrators (notice and mail) and the extension's user (notice only), at
   * most once per extension and hour: nothing is registered for the extension any more. {0} =
   * extension number, {1} = last seen (UTC).
   */
  SIP_DEVICE_OFFLINE("sipDeviceOffline", NoticeCategory.PHONES),
  /**
   * As {@link #SIP_DEVICE_OFFLINE}, within the same hourly limit: a call to the extension reached
   * none of its registered phones. {0} = extension number, {1} = when (UTC).
   */
  SIP_CONTACTS_UNREACHABLE("sipContactsUnreachable", NoticeCategory.PHONES);

  /** Kinds whose body holds a one-time link: they go by e-mail only, never to the notice page. */
  private static final Set<NoticeKind> MAIL_ONLY =
      EnumSet.of(PASSWORD_RESET_LINK, INVITATION, MFA_RESET_LINK, EMAIL_CHANGE_LINK);

  private final String key;
  private final NoticeCategory category;

  NoticeKind(String key, NoticeCategory category) {
    this.key = key;
    this.category = category;
  }

  public NoticeCategory category() {
    return category;
  }

  /** Whether a notice of this kind may be stored for the notice page (no one-time link in it). */
  public boolean posted() {
    return !MAIL_ONLY.contains(this);
  }

  public String subjectKey() {
    return "mail." + key + ".subject";
  }

  public String bodyKey() {
    return "mail." + key + ".body";
  }
}
