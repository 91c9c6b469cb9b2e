package io.dialtone.usage.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Tells an account's active customer administrators something about its usage limits: a notice on
 * their notice page (stored in the caller's transaction; the usage page shows it too) and an
 * e-mail, in their language ({@link Notifications#post}). Also tells the deciders of a limit
 * request that it arrived ({@link #requestReceived}).
 */
@ApplicationScoped
public class UsageNotices {

  @Inject Notifications notifications;
  @Inject NoticeRecipients recipients;
  @Inject AccountTree accounts;

  /**
   * Tells the administrators of {@code accountId}. The arguments are {@code {0}} the account's
   * name, {@code {1}} the cap's name in the recipient's language, then {@code more}.
   */
  public void tell(
      long accountId, UsageCap cap, NoticeKind kind, String accountName, String... more) {
    for (Recipient admin : recipients.accountAdministrators(accountId)) {
      List<String> arguments = new ArrayList<>();
      arguments.add(accountName);
      arguments.add(capName(cap, admin.locale()));
      arguments.addAll(List.of(more));
      notifications.post(accountId, admin, kind, null, arguments);
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
      notifications.post(
          account.id(),
          decider,
          NoticeKind.LIMIT_REQUEST_RECEIVED,
          account.name(),
          capName(cap, decider.locale()),
          account.accountNumber(),
          granted == null
              ? text("mail.limitRequestReceived.noCap", decider.locale())
              : Amounts.format(cap, granted, currency),
          Amounts.format(cap, asked.getAmount(), currency),
          until(asked.getEndsOn(), decider.locale()),
          asked.getReason());
    }
    return told.size();
  }

  /** The cap's label from the application bundle, as the mail's language has it. */
  static String capName(UsageCap cap, Locale locale) {
    return text(cap.messageKey(), locale).toLowerCase(language(locale));
  }

  /** "until 31 March 2027", or "for good" without an end, in the recipient's language. */
  static String until(LocalDate endsOn, Locale locale) {
    if (endsOn == null) {
      return text("mail.limitRequestReceived.forGood", locale);
    }
    String date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(language(locale))
            .format(endsOn);
    return MessageFormat.format(text("mail.limitRequestReceived.until", locale), date);
  }

  private static Locale language(Locale locale) {
    return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
  }

  private static String text(String key, Locale locale) {
    Locale language = "fr".equals(language(locale).getLanguage()) ? Locale.FRENCH : Locale.ROOT;
    try {
      return ResourceBundle.getBundle(
              MailTexts.BUNDLE,
              language,
              UsageNotices.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
          .getString(key);
    } catch (MissingResourceException e) {
      return "???" + key + "???"; // as MailTexts shows a missing key
    }
  }
}
