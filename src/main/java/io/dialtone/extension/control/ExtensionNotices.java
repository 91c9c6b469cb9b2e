package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The e-mail about a regenerated SIP secret (SECURITY.md A9): to the extension's user, or to the
 * account's active administrators when no user is assigned; when, from where, which extension,
 * never the secret. Sent after commit, by e-mail only.
 */
@ApplicationScoped
public class ExtensionNotices {

  @Inject Notifications notifications;
  @Inject NoticeRecipients recipients;
  @Inject Clock clock;

  public void secretChanged(Extension extension, String sourceIp) {
    String when = Notice.when(clock.instant());
    for (Recipient recipient : recipientsOf(extension)) {
      notifications.send(
          Notice.of(
              recipient.email(),
              recipient.locale(),
              NoticeKind.SIP_SECRET_CHANGED,
              extension.getNumber().digits(),
              when,
              String.valueOf(sourceIp)));
    }
  }

  private List<Recipient> recipientsOf(Extension extension) {
    return (extension.getAssignedUserId() == null
            ? Optional.<Recipient>empty()
            : recipients.activeUser(
                extension.getAccountId().value(), extension.getAssignedUserId()))
        .map(List::of)
        .orElseGet(() -> recipients.accountAdministrators(extension.getAccountId().value()));
  }
}
