package io.dialtone.usage.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.identity.control.Recipients;
import io.dialtone.identity.control.Recipients.Recipient;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.UsageCap;
import io.dialtone.usage.entity.UsageNotice;
import io.dialtone.usage.entity.UsageNoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Tells an account's administrators something about its usage limits: a notice on the usage page
 * (stored in the caller's transaction), and to each active customer administrator of the account a
 * notice in their notice centre and an e-mail, in their language ({@link Notifications#tell}). Also
 * tells the deciders of a limit request that it arrived ({@link #requestReceived}).
 */
@ApplicationScoped
public class UsageNotices {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject Recipients recipients;
  @Inject AccountTree accounts;

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
      notifications.tell(
          admin.userId(), new Notice(admin.email(), admin.locale(), mail, arguments));
    }
  }

  /**
   * Tells the administrators who decide {@code asked} that it arrived: the reseller administrators
   * of the account's parent, or the platform administrators for a customer directly below the
   * platform; a notice in their notice centre and an e-mail, each in their language.
   *
   * @return how many were told
   */
  public int requestReceived(AccountView account, LimitRequest asked, BigDecimal granted) {
    AccountView parent = accounts.find(account.parentId()).orElseThrow();
    Role deciders =
        parent.kind() == AccountKind.PLATFORM ? Role.PLATFORM_ADMIN : Role.RESELLER_ADMIN;
    String currency = account.profile().currency();
    UsageCap cap = asked.getCap();
    List<Recipient> told = recipients.withRole(parent.id(), deciders);
    for (Recipient decider : told) {
      notifications.tell(
          decider.userId(),
          Notice.of(
              decider.email(),
              decider.locale(),
              NoticeKind.LIMIT_REQUEST_RECEIVED,
              account.name(),
              capName(cap, decider.locale()),
              account.accountNumber(),
              granted == null ? "-" : Amounts.format(cap, granted, currency),
              Amounts.format(cap, asked.getAmount(), currency),
              asked.getEndsOn() == null ? "-" : asked.getEndsOn().toString(),
              asked.getReason()));
    }
    return told.size();
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
