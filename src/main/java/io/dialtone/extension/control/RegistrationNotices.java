package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notices about one extension that the registrar's events call for, each at most once (the
 * notice's dedupe key):
 *
 * <ul>
 *   <li>a burst of failed digests against an extension: the account's active customer
 *       administrators, notice and mail, once per extension and {@code
 *       dialtone.sip.burst-notice-minutes} window (60);
 *   <li>an extension's devices went offline: its assigned user and the account's administrators,
 *       notice only (phones restart often; no mail), once per offline transition (last seen).
 * </ul>
 *
 * Recipients come from the extension's own account as stored, never from the account an event
 * names: an event about an extension that is not live in that account is ignored (logged).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class RegistrationNotices {

  private static final Logger LOG = Logger.getLogger(RegistrationNotices.class.getName());

  /** Minutes of one failure-burst window: at most one notice per extension within it. */
  public static final String BURST_WINDOW = "dialtone.sip.burst-notice-minutes";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject NoticeRecipients recipients;
  @Inject Notifications notifications;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = BURST_WINDOW, defaultValue = "60")
  int burstWindowMinutes;

  /** Tells an account's administrators that someone guesses an extension's password. */
  @Transactional
  public int burst(FailureBurst burst) {
    Extension extension = liveExtension(burst.extensionId(), burst.accountId());
    if (extension == null) {
      return 0;
    }
    long window =
        clock.instant().getEpochSecond() / Duration.ofMinutes(burstWindowMinutes).toSeconds();
    String key = "burst:" + extension.getId() + ":" + window;
    List<String> arguments =
        List.of(
            extension.getNumber().digits(),
            Integer.toString(burst.failures()),
            Notice.when(burst.since()));
    int told = 0;
    for (Recipient r : recipients.accountAdministrators(extension.getAccountId().value())) {
      if (notifications.post(
          extension.getAccountId().value(), r, NoticeKind.SIP_FAILURE_BURST, key, arguments)) {
        told++;
      }
    }
    return told;
  }

  /** Tells an extension's user and administrators that nothing is registered for it any more. */
  @Transactional
  public int offline(DeviceOffline offline) {
    Extension extension = liveExtension(offline.extensionId(), offline.accountId());
    if (extension == null) {
      return 0;
    }
    String key = "offline:" + extension.getId() + ":" + offline.lastSeen().toEpochMilli();
    List<String> arguments =
        List.of(extension.getNumber().digits(), Notice.when(offline.lastSeen()));
    int told = 0;
    for (Recipient r : userAndAdministrators(extension)) {
      if (notifications.post(
          extension.getAccountId().value(), r, NoticeKind.SIP_DEVICE_OFFLINE, key, arguments)) {
        told++;
      }
    }
    return told;
  }

  /** The extension's assigned user (if active and of its account), then its administrators. */
  private List<Recipient> userAndAdministrators(Extension extension) {
    Map<Long, Recipient> all = new LinkedHashMap<>();
    if (extension.getAssignedUserId() != null) {
      recipients
          .activeUser(extension.getAccountId().value(), extension.getAssignedUserId())
          .ifPresent(r -> all.put(r.userId(), r));
    }
    recipients
        .accountAdministrators(extension.getAccountId().value())
        .forEach(r -> all.putIfAbsent(r.userId(), r));
    return List.copyOf(all.values());
  }

  /** The extension the registrar named, if it is live and of the account it said; else null. */
  private Extension liveExtension(long extensionId, long accountId) {
    Extension extension = em.find(Extension.class, extensionId);
    if (extension == null || !extension.isLive() || extension.getAccountId().value() != accountId) {
      LOG.warning(
          () ->
              "registrar event for extension:"
                  + extensionId
                  + " of account:"
                  + accountId
                  + " ignored: no such live extension in that account");
      return null;
    }
    return extension;
  }
}
