package io.dialtone.sip.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import io.dialtone.sip.entity.Ban;
import io.dialtone.sip.entity.SipNotice;
import io.dialtone.sip.entity.SipNoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registrar's portal notices (one {@code sip_notice} row per recipient) and the e-mail that
 * goes with some of them, each at most once: a row is inserted with {@code INSERT IGNORE} under its
 * dedupe key, and only a recipient whose row is new gets mail. So a repeated event, or the same
 * event seen by two nodes, tells nobody twice.
 *
 * <ul>
 *   <li>a ban: every active platform administrator, notice and mail, once per ban (address and
 *       start);
 *   <li>a burst of failed digests against an extension: the account's active customer
 *       administrators, notice and mail, once per extension and {@code
 *       dialtone.sip.burst-notice-minutes} window (60);
 *   <li>an extension's devices went offline: its assigned user and the account's administrators,
 *       notice only (phones restart often; no mail), once per offline transition (last seen).
 * </ul>
 *
 * Recipients come from the extension's own account as stored, never from another tenant. A signed-
 * in user lists and dismisses only their own notices.
 */
@ApplicationScoped
public class SipNotices {

  private static final Logger LOG = Logger.getLogger(SipNotices.class.getName());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String INSERT =
      """
      INSERT IGNORE INTO sip_notice (user_id, account_id, extension_id, kind, subject, detail,
      occurred_at, created_at, dedupe_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""";

  /** Minutes of one failure-burst window: at most one notice per extension within it. */
  public static final String BURST_WINDOW = "dialtone.sip.burst-notice-minutes";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject NoticeRecipients recipients;
  @Inject Notifications notifications;
  @Inject AccessControl access;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = BURST_WINDOW, defaultValue = "60")
  int burstWindowMinutes;

  /** Tells the platform administrators of a ban; returns how many were told (0: told before). */
  @Transactional
  public int banned(Ban ban, String lastUserAgent) {
    String key = "ban:" + ban.address() + ":" + ban.since().toEpochMilli();
    int told = 0;
    for (Recipient r : recipients.platformAdministrators()) {
      if (insert(
          r,
          AccountScope.PLATFORM_ACCOUNT_ID,
          null,
          SipNoticeKind.SOURCE_BANNED,
          ban.address(),
          ban.reason().name(),
          ban.since(),
          key)) {
        notifications.send(
            Notice.of(
                r.email(),
                r.locale(),
                NoticeKind.SIP_SOURCE_BANNED,
                ban.address(),
                label(r.locale(), "BanReason." + ban.reason().name()),
                when(ban.since()),
                when(ban.until()),
                lastUserAgent == null || lastUserAgent.isBlank() ? "-" : lastUserAgent));
        told++;
      }
    }
    return told;
  }

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
    String number = extension.getNumber().digits();
    int told = 0;
    for (Recipient r : recipients.customerAdministrators(extension.getAccountId().value())) {
      if (insert(
          r,
          extension.getAccountId().value(),
          extension.getId(),
          SipNoticeKind.FAILURE_BURST,
          number,
          Integer.toString(burst.failures()),
          burst.since(),
          key)) {
        notifications.send(
            Notice.of(
                r.email(),
                r.locale(),
                NoticeKind.SIP_FAILURE_BURST,
                number,
                Integer.toString(burst.failures()),
                when(burst.since())));
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
    int told = 0;
    for (Recipient r :
        recipients.ofExtension(extension.getAccountId().value(), extension.getAssignedUserId())) {
      if (insert(
          r,
          extension.getAccountId().value(),
          extension.getId(),
          SipNoticeKind.DEVICE_OFFLINE,
          extension.getNumber().digits(),
          null,
          offline.lastSeen(),
          key)) {
        told++;
      }
    }
    return told;
  }

  /** The signed-in caller's open notices, newest first. */
  @Transactional
  public List<SipNotice> mine() {
    SignedInUser caller = access.caller();
    return em.createNamedQuery(SipNotice.OPEN_FOR_USER, SipNotice.class)
        .setParameter("userId", caller.userId())
        .setMaxResults(50)
        .getResultList();
  }

  /** Dismisses one of the caller's notices; anybody else's id is refused (audited, 404). */
  @Transactional
  public void dismiss(long noticeId) {
    SignedInUser caller = access.caller();
    SipNotice notice = em.find(SipNotice.class, noticeId);
    if (notice == null || notice.getUserId() != caller.userId()) {
      throw access.refuse("sip-notice:" + noticeId, "not the caller's notice");
    }
    notice.dismiss(clock.instant());
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

  private boolean insert(
      Recipient r,
      long accountId,
      Long extensionId,
      SipNoticeKind kind,
      String subject,
      String detail,
      Instant occurredAt,
      String key) {
    return em.createNativeQuery(INSERT)
            .setParameter(1, r.userId())
            .setParameter(2, accountId)
            .setParameter(3, extensionId)
            .setParameter(4, kind.name())
            .setParameter(5, subject)
            .setParameter(6, detail)
            .setParameter(7, Timestamp.from(occurredAt))
            .setParameter(8, Timestamp.from(clock.instant()))
            .setParameter(9, key)
            .executeUpdate()
        == 1;
  }

  private static String when(Instant instant) {
    return WHEN.format(instant.truncatedTo(ChronoUnit.MINUTES));
  }

  /** A label from the application bundle in the recipient's language (mail arguments). */
  private static String label(Locale locale, String key) {
    Locale supported = "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    try {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              MailTexts.BUNDLE,
              supported,
              SipNotices.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
