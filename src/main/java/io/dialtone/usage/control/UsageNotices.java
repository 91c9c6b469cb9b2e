package io.dialtone.usage.control;

import io.dialtone.identity.control.Recipients;
import io.dialtone.identity.control.Recipients.Recipient;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import io.dialtone.usage.entity.UsageCap;
import io.dialtone.usage.entity.UsageNotice;
import io.dialtone.usage.entity.UsageNoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Tells an account's administrators something about its usage limits: a notice on the usage page
 * (stored in the caller's transaction) and an e-mail to each active customer administrator of the
 * account, in their language, after commit ({@link Notifications}).
 */
@ApplicationScoped
public class UsageNotices {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject Recipients recipients;

  /**
   * Stores the portal notice and mails the administrators. The mail's arguments are {@code {0}} the
   * account's name, {@code {1}} the cap's name in the recipient's language, then {@code more}.
   */
  public void tell(
      long accountId,
      UsageNoticeKind kind,
      UsageCap cap,
      String amount,
      String detail,
      NoticeKind mail,
      String accountName,
      String... more) {
    em.persist(new UsageNotice(accountId, kind, cap, amount, detail, clock.instant()));
    for (Recipient admin : recipients.accountAdministrators(accountId)) {
      List<String> arguments = new ArrayList<>();
      arguments.add(accountName);
      arguments.add(capName(cap, admin.locale()));
      arguments.addAll(List.of(more));
      notifications.send(new Notice(admin.email(), admin.locale(), mail, arguments));
    }
  }

  /** The cap's label from the application bundle, as the mail's language has it. */
  static String capName(UsageCap cap, Locale locale) {
    Locale language =
        locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ROOT;
    try {
      return ResourceBundle.getBundle(
              MailTexts.BUNDLE,
              language,
              UsageNotices.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
          .getString(cap.messageKey())
          .toLowerCase(language);
    } catch (MissingResourceException e) {
      return "???" + cap.messageKey() + "???"; // as MailTexts shows a missing key
    }
  }

  /** The account's notices, newest first (at most {@code max}). */
  public List<UsageNotice> of(long accountId, int max) {
    return em.createNamedQuery(UsageNotice.LIST_BY_ACCOUNT, UsageNotice.class)
        .setParameter("accountId", accountId)
        .setMaxResults(max)
        .getResultList();
  }
}
