package io.dialtone.identity.control;

import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The e-mails of user administration: the invitation and the MFA-reset link. Each carries its own
 * one-time link and nothing else secret; sent after the caller's transaction commits, in the user's
 * language (an invitee's is their account's until they choose one).
 */
@ApplicationScoped
public class UserNotices {

  @Inject Notifications notifications;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  void invitation(String email, Locale locale, String token, String accountName, long hours) {
    notifications.send(
        Notice.of(email, locale, NoticeKind.INVITATION, link(token), accountName, hours + ""));
  }

  void mfaReset(String email, Locale locale, String token, long hours) {
    notifications.send(
        Notice.of(email, locale, NoticeKind.MFA_RESET_LINK, link(token), Long.toString(hours)));
  }

  private String link(String token) {
    return publicUrl.replaceAll("/+$", "") + "/enrol.xhtml?token=" + token;
  }
}
