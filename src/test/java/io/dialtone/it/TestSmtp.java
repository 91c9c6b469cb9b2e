package io.dialtone.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The mail server of the black-box tests: one GreenMail SMTP server per test JVM on 127.0.0.1, port
 * {@code dialtone.test.smtp-port} (default 3025), started before the shared Dialtone (see {@link
 * RunningDialtone}), which sends every mail to it. Tests wait for the mail of their own recipient.
 */
final class TestSmtp {

  private static TestSmtp instance;

  private final GreenMail greenMail;

  private TestSmtp(int port) {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
  }

  /** The server of this JVM, started on first use. */
  static synchronized TestSmtp started() {
    if (instance == null) {
      instance = new TestSmtp(Integer.getInteger("dialtone.test.smtp-port", 3025));
    }
    return instance;
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Every message received so far for {@code recipient}, oldest first. */
  List<Mail> mailsTo(String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> isFor(m, recipient))
        .map(Mail::of)
        .toList();
  }

  /** Waits up to 30 s for a message to {@code recipient} that matches {@code wanted}. */
  Mail await(String recipient, Predicate<Mail> wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var found = mailsTo(recipient).stream().filter(wanted).reduce((a, b) -> b);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no matching mail to " + recipient + " within 30 s");
  }

  private static boolean isFor(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A received message, decoded. */
  record Mail(String subject, String body, String contentLanguage) {
    static Mail of(MimeMessage message) {
      try {
        Object content = message.getContent();
        return new Mail(
            message.getSubject(),
            content instanceof String text ? text : String.valueOf(content),
            message.getHeader("Content-Language", ","));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
