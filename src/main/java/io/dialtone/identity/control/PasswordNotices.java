package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The e-mails of the password lifecycle (SECURITY.md A9), in the user's language ({@code
 * app_user.locale}, English when unset). Notices carry when and from where, never a secret; only
 * the reset link mail carries its link. Sent after the caller's transaction commits.
 */
@ApplicationScoped
public class PasswordNotices {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Notifications notifications;
  @Inject Clock clock;

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
    notifications.send(Notice.of(user.getEmail(), locale(user.getId()), kind, args));
  }

  private String now() {
    return WHEN.format(clock.instant().truncatedTo(ChronoUnit.MINUTES));
  }

  private Locale locale(long userId) {
    Object tag =
        em.createNativeQuery("SELECT locale FROM app_user WHERE id = ?1")
            .setParameter(1, userId)
            .getSingleResult();
    return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag.toString());
  }
}
