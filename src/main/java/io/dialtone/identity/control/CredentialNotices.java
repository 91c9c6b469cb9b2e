package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The e-mails about a user's second factor and address (SECURITY.md A9), in the user's language
 * ({@code app_user.locale}, else their account's). They say when and from where, never a secret: no
 * TOTP secret, no recovery code; only the confirmation mail to the new address carries its link.
 * Another address appears masked ({@link #masked(String)}). Sent after the caller's transaction
 * commits.
 */
@ApplicationScoped
public class CredentialNotices {

  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject Recipients recipients;

  public void mfaChanged(User user, String sourceIp) {
    send(user.getEmail(), user, NoticeKind.MFA_CHANGED, now(), String.valueOf(sourceIp));
  }

  public void recoveryCodesRegenerated(User user, String sourceIp) {
    send(
        user.getEmail(),
        user,
        NoticeKind.RECOVERY_CODES_REGENERATED,
        now(),
        String.valueOf(sourceIp));
  }

  /** To the current (old) address: someone asked to move the account to {@code newEmail}. */
  public void emailChangeRequested(User user, String newEmail, String sourceIp) {
    send(
        user.getEmail(),
        user,
        NoticeKind.EMAIL_CHANGE_REQUESTED,
        now(),
        String.valueOf(sourceIp),
        masked(newEmail));
  }

  /** To the new address: the confirmation link. */
  public void emailChangeLink(User user, String newEmail, String link, long validHours) {
    send(newEmail, user, NoticeKind.EMAIL_CHANGE_LINK, link, Long.toString(validHours));
  }

  /** To the new address, when it already belongs to a user: no link, nothing changes. */
  public void emailChangeAddressTaken(User user, String newEmail, String sourceIp) {
    send(newEmail, user, NoticeKind.EMAIL_CHANGE_ADDRESS_TAKEN, now(), String.valueOf(sourceIp));
  }

  /** To the old address, after the change took effect. */
  public void emailChanged(User user, String oldEmail, String sourceIp) {
    send(
        oldEmail,
        user,
        NoticeKind.EMAIL_CHANGED,
        now(),
        String.valueOf(sourceIp),
        masked(user.getEmail()));
  }

  /**
   * An address shown to the owner of another one: first character of the local part and the whole
   * domain ({@code j•••@example.com}), enough to recognise it, not to harvest it.
   */
  public static String masked(String email) {
    if (email == null || email.isBlank()) {
      return "";
    }
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "•••";
    }
    return email.charAt(0) + "•••" + email.substring(at);
  }

  private void send(String recipient, User user, NoticeKind kind, String... args) {
    notifications.send(Notice.of(recipient, recipients.localeOf(user.getId()), kind, args));
  }

  private String now() {
    return Notice.when(clock.instant());
  }
}
