package io.dialtone.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where mail goes (MicroProfile Config, docs/configuration.md): an SMTP server when {@code
 * dialtone.smtp.host} is set, else the outbox folder. The password is read here only and never
 * logged.
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "dialtone.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "dialtone.smtp.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "dialtone.smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "dialtone.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "dialtone.smtp.starttls", defaultValue = "true")
  boolean startTls;

  @Inject
  @ConfigProperty(name = "dialtone.mail.from", defaultValue = "Dialtone <no-reply@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "dialtone.mail.outbox")
  Optional<String> outbox;

  /** The SMTP server, or empty when mail goes to the outbox. */
  public Optional<String> host() {
    return host.map(String::strip).filter(h -> !h.isEmpty());
  }

  public int port() {
    return port;
  }

  public Optional<String> user() {
    return user.filter(u -> !u.isBlank());
  }

  Optional<String> password() {
    return password;
  }

  public boolean startTls() {
    return startTls;
  }

  public String from() {
    return from;
  }

  /** The outbox folder: {@code dialtone.mail.outbox}, else {@code ~/.dialtone/outbox}. */
  public Path outbox() {
    return outbox
        .filter(o -> !o.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".dialtone", "outbox"));
  }
}
