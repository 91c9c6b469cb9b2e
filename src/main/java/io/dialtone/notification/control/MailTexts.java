package io.dialtone.notification.control;

import io.dialtone.notification.entity.OutgoingMail;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders a {@link Notice} in its recipient's language from the application bundle: subject and
 * body are MessageFormat patterns, followed by the shared {@code mail.footer}. A missing key shows
 * as {@code ???key???}, as on pages.
 */
public final class MailTexts {

  /** The application bundle, the same the pages use. */
  public static final String BUNDLE = "io.dialtone.i18n.messages";

  /** English is the base bundle: never fall back to the JVM's default locale instead. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String bundleName;

  public MailTexts() {
    this(BUNDLE);
  }

  /** Texts from another bundle: for tests. */
  MailTexts(String bundleName) {
    this.bundleName = bundleName;
  }

  public OutgoingMail render(Notice notice) {
    ResourceBundle bundle = bundle(notice);
    Object[] args = notice.arguments().toArray();
    String subject = format(bundle, notice.kind().subjectKey(), args);
    String body =
        format(bundle, notice.kind().bodyKey(), args)
            + System.lineSeparator()
            + System.lineSeparator()
            + format(bundle, "mail.footer", args);
    return new OutgoingMail(notice.recipient(), subject, body);
  }

  /** Subject and body without the mail footer: the texts of the portal notice. */
  public OutgoingMail renderWithoutFooter(Notice notice) {
    ResourceBundle bundle = bundle(notice);
    Object[] args = notice.arguments().toArray();
    return new OutgoingMail(
        notice.recipient(),
        format(bundle, notice.kind().subjectKey(), args),
        format(bundle, notice.kind().bodyKey(), args));
  }

  private ResourceBundle bundle(Notice notice) {
    return ResourceBundle.getBundle(
        bundleName, supported(notice.locale()), MailTexts.class.getClassLoader(), NO_FALLBACK);
  }

  private static String format(ResourceBundle bundle, String key, Object[] args) {
    try {
      return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
  }

  /** French for French speakers, English for everybody else. */
  static Locale supported(Locale locale) {
    return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
  }
}
