package io.dialtone.notification.control;

import io.dialtone.notification.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends one message, synchronously: to the SMTP server of {@link MailSettings}, or, when none is
 * configured, into the outbox folder as an owner-only {@code .eml} file, with one log line naming
 * recipient, subject and file (never the body: it may hold a one-time link).
 *
 * <p>Throws {@link MailFailure} when the message could not be handed over; callers on a transaction
 * path use {@link io.dialtone.notification.boundary.Notifications} instead, which sends after
 * commit and logs failures.
 */
@ApplicationScoped
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
  private static final String TIMEOUT_MS = "15000";

  @Inject MailSettings settings;
  @Inject Clock clock;

  public void send(OutgoingMail mail) throws MailFailure {
    try {
      MimeMessage message = compose(session(), mail);
      if (settings.host().isPresent()) {
        Transport.send(message);
        LOG.info(
            () -> "Mail sent to " + oneLine(mail.recipient()) + ": " + oneLine(mail.subject()));
      } else {
        Path file = saveInOutbox(message);
        LOG.info(
            () ->
                "Mail to "
                    + oneLine(mail.recipient())
                    + " ("
                    + oneLine(mail.subject())
                    + ") saved in "
                    + file
                    + ": no SMTP server configured (DIALTONE_SMTP_HOST)");
      }
    } catch (MessagingException | IOException e) {
      throw new MailFailure(mail, e);
    }
  }

  private Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
    props.put("mail.smtp.timeout", TIMEOUT_MS);
    props.put("mail.smtp.writetimeout", TIMEOUT_MS);
    settings
        .host()
        .ifPresent(
            host -> {
              props.put("mail.smtp.host", host);
              props.put("mail.smtp.port", Integer.toString(settings.port()));
              props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
              props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
              props.put("mail.smtp.ssl.checkserveridentity", "true");
              props.put("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
            });
    Authenticator authenticator =
        settings.user().isEmpty()
            ? null
            : new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(
                    settings.user().get(), settings.password().orElse(""));
              }
            };
    return Session.getInstance(props, authenticator);
  }

  private MimeMessage compose(Session session, OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.saveChanges();
    return message;
  }

  private Path saveInOutbox(MimeMessage message) throws IOException, MessagingException {
    Path outbox = settings.outbox();
    Files.createDirectories(outbox);
    Instant now = clock.instant();
    Path file =
        outbox.resolve(
            now.toString().replace(':', '-')
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + ".eml");
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
      message.writeTo(out);
    }
    return file;
  }

  /** A log-safe rendering: no line breaks or control characters from user data. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
  }
}
