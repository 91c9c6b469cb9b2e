package io.dialtone.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proxy's limits and timers: calls in progress at most (beyond, 503 with Retry-After), how long
 * a call may ring before it is given up, the platform's longest call whatever an account allows,
 * and the carrier trunks' health probe period.
 */
@ApplicationScoped
public class SignallingSettings {

  @Inject
  @ConfigProperty(name = "dialtone.call.max-in-progress", defaultValue = "2000")
  int maxInProgress;

  @Inject
  @ConfigProperty(name = "dialtone.call.retry-after-seconds", defaultValue = "30")
  int retryAfterSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.call.ring-seconds", defaultValue = "120")
  int ringSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.call.max-duration-seconds", defaultValue = "0")
  long maxDurationSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.trunk.probe-seconds", defaultValue = "30")
  int probeSeconds;

  /** Calls in progress at most (INVITE received, not yet ended). */
  public int maxInProgress() {
    return Math.max(1, maxInProgress);
  }

  /** The Retry-After of the 503 beyond {@link #maxInProgress()}, seconds. */
  public int retryAfterSeconds() {
    return Math.max(1, retryAfterSeconds);
  }

  /** An unanswered call is given up (480) after ringing this long. */
  public Duration ring() {
    return Duration.ofSeconds(Math.max(5, ringSeconds));
  }

  /** The longest call of {@code ticket}: its account's setting, capped by the platform's. */
  public Duration maxDuration(CallTicket ticket) {
    Duration account = ticket.maxDuration();
    if (maxDurationSeconds <= 0) {
      return account;
    }
    Duration platform = Duration.ofSeconds(maxDurationSeconds);
    return platform.compareTo(account) < 0 ? platform : account;
  }

  /** How often every enabled trunk gets an OPTIONS. */
  public Duration probePeriod() {
    return Duration.ofSeconds(Math.max(1, probeSeconds));
  }
}
