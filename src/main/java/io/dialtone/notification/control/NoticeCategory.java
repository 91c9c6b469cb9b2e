package io.dialtone.notification.control;

/** What a notice is about, for the notice page's filter; labels in {@code NoticeCategory.*}. */
public enum NoticeCategory {
  /** The user's own sign-in, second factor and address. */
  ACCOUNT,
  /** Usage alerts, limit requests and their decisions. */
  USAGE,
  /** The phone system: SIP secrets, password guessing, devices offline, bans. */
  PHONES,
  /** Phone numbers assigned to the account. */
  NUMBERS
}
