package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The e-mails of the password lifecycle (SECURITY.md A9), in the user's language ({@code
 * app_user.locale}, else their account's). Notices carry when and from where, never a secret; only
 * the reset link mail carries its link. Sent after the caller's transaction commits.
 */
@ApplicationScoped
public class PasswordNotices {

  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject Recipients recipients;

  void changed(User user, String sourceIp) {
    send(user, NoticeKind.PASSWORD_CHANGED, now(), String.valueOf(sourceIp));
  }

  void resetDone(User user, String sourceIp) {
    send(user, NoticeKind.PASSWORD_RESET_DONE, now(), String.valueOf(sourceIp));
  }

  void resetLink(User user, String link, long validMinutes) {
    send(user, NoticeKind.PASSWORD_RESET_LINK, link, Long.toString(validMinutes));
  }

  private void send(User user, NoticeKind kind, String... args) {
    notifications.send(Notice.of(user.getEmail(), recipients.localeOf(user.getId()), kind, args));
  }

  private String now() {
    return Notice.when(clock.instant());
  }
}
