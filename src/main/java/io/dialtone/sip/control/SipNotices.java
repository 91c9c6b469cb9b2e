package io.dialtone.sip.control;

import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import io.dialtone.sip.entity.Ban;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Tells every active platform administrator of a ban (notice and mail), once per ban: the notice's
 * dedupe key is the address and the start of the ban, so a repeated event, or the same ban seen by
 * two nodes, tells nobody twice. The notices about one extension (password guessing, devices
 * offline) are the extension component's: the registrar only fires the events.
 */
@ApplicationScoped
public class SipNotices {

  @Inject NoticeRecipients recipients;
  @Inject Notifications notifications;

  /** Tells the platform administrators of a ban; returns how many were told (0: told before). */
  @Transactional
  public int banned(Ban ban, String lastUserAgent) {
    String key = "ban:" + ban.address() + ":" + ban.since().toEpochMilli();
    int told = 0;
    for (Recipient r : recipients.withRole(AccountScope.PLATFORM_ACCOUNT_ID, Role.PLATFORM_ADMIN)) {
      if (notifications.post(
          AccountScope.PLATFORM_ACCOUNT_ID,
          r,
          NoticeKind.SIP_SOURCE_BANNED,
          key,
          List.of(
              ban.address(),
              label(r.locale(), "BanReason." + ban.reason().name()),
              Notice.when(ban.since()),
              Notice.when(ban.until()),
              lastUserAgent == null || lastUserAgent.isBlank() ? "-" : lastUserAgent))) {
        told++;
      }
    }
    return told;
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
