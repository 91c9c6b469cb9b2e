package io.dialtone.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long an agent may act as a customer (SECURITY.md F4: at most 60 minutes), from {@code
 * dialtone.impersonation.minutes} ({@code DIALTONE_IMPERSONATION_MINUTES}, default 60). A value
 * above 60 is clamped to 60, one below 1 raised to 1, each with a warning in the log at start-up.
 */
@ApplicationScoped
public class ImpersonationPolicy {

  public static final int MAX_MINUTES = 60;
  private static final Logger LOG = Logger.getLogger(ImpersonationPolicy.class.getName());

  @Inject
  @ConfigProperty(name = "dialtone.impersonation.minutes", defaultValue = "60")
  int configuredMinutes;

  private Duration length;

  @PostConstruct
  void init() {
    int minutes = clamp(configuredMinutes);
    if (minutes != configuredMinutes) {
      LOG.warning(
          "dialtone.impersonation.minutes=%d is outside 1..%d: impersonation lasts %d minutes"
              .formatted(configuredMinutes, MAX_MINUTES, minutes));
    }
    length = Duration.ofMinutes(minutes);
  }

  /** Reads the setting when the application starts, so a clamped value is logged then. */
  void atStartup(@Observes Startup event) {
    LOG.fine(() -> "impersonation lasts at most " + length());
  }

  /** The time box of one impersonation. */
  public Duration length() {
    return length;
  }

  /** {@code minutes} within 1 and {@value #MAX_MINUTES}. */
  static int clamp(int minutes) {
    return Math.clamp(minutes, 1, MAX_MINUTES);
  }
}
