package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.PortalNotices;
import io.dialtone.notification.control.Recipient;
import io.dialtone.sip.control.ContactsUnreachable;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *   <li>an extension's devices went offline (its last registration expired or was removed), or a
 *       call reached none of its registered phones: the account's active customer administrators
 *       get a notice and an e-mail in their language, its assigned user a notice only; at most one
 *       such alert per extension and {@link #ALERT_EVERY}, whatever the cause, decided from the
 *       stored time of the last one ({@code extension.offline_alerted_at}, a conditional update),
 *       so a restart or a second node sends no second alert within the hour.
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
  @Inject PortalNotices portal;
  @Inject Clock clock;

  /** At most one offline alert (notices and mails) per extension in this interval. */
  public static final Duration ALERT_EVERY = Duration.ofHours(1);

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

  /** Alerts an extension's administrators and user that nothing is registered for it any more. */
  @Transactional
  public int offline(DeviceOffline offline) {
    return alert(
        offline.extensionId(),
        offline.accountId(),
        NoticeKind.SIP_DEVICE_OFFLINE,
        offline.lastSeen());
  }

  /** Alerts them that a call to the extension reached none of its registered phones. */
  @Transactional
  public int unreachable(ContactsUnreachable unreachable) {
    return alert(
        unreachable.extensionId(),
        unreachable.accountId(),
        NoticeKind.SIP_CONTACTS_UNREACHABLE,
        unreachable.at());
  }

  /**
   * Notice and mail to the administrators, notice to the assigned user, unless the extension was
   * alerted within {@link #ALERT_EVERY}: the conditional update of its stored alert time decides.
   */
  private int alert(long extensionId, long accountId, NoticeKind kind, Instant when) {
    Extension extension = liveExtension(extensionId, accountId);
    if (extension == null) {
      return 0;
    }
    Instant now = clock.instant();
    int claimed =
        em.createNativeQuery(
                """
                UPDATE extension SET offline_alerted_at = ?1
                WHERE id = ?2 AND (offline_alerted_at IS NULL OR offline_alerted_at <= ?3)
                """)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, extension.getId())
            .setParameter(3, Timestamp.from(now.minus(ALERT_EVERY)))
            .executeUpdate();
    if (claimed == 0) {
      LOG.fine(() -> kind + " for extension:" + extensionId + " not told: alerted within the hour");
      return 0;
    }
    long account = extension.getAccountId().value();
    String key = "offline:" + extension.getId() + ":" + now.toEpochMilli();
    List<String> arguments = List.of(extension.getNumber().digits(), Notice.when(when));
    Map<Long, Recipient> administrators = new LinkedHashMap<>();
    recipients.accountAdministrators(account).forEach(r -> administrators.put(r.userId(), r));
    int told = 0;
    for (Recipient r : administrators.values()) {
      if (notifications.post(account, r, kind, key, arguments)) {
        told++;
      }
    }
    Long userId = extension.getAssignedUserId();
    if (userId != null && !administrators.containsKey(userId)) {
      Optional<Recipient> user = recipients.activeUser(account, userId);
      if (user.isPresent()
          && portal.post(
              userId,
              account,
              new Notice(user.get().email(), user.get().locale(), kind, arguments),
              key)) {
        told++;
      }
    }
    return told;
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
