package io.dialtone.usage.control;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs {@link RaiseExpiry} every 15 minutes (first run 5 minutes after start) with the injected
 * clock: a raise ends within 15 minutes of midnight in its account's time zone. A failed run is
 * logged at SEVERE; the next runs still happen.
 */
@ApplicationScoped
public class RaiseExpiryJob {

  @Inject ScheduledJobs jobs;
  @Inject RaiseExpiry expiry;
  @Inject Clock clock;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    jobs.every(
        Duration.ofMinutes(15),
        Duration.ofMinutes(5),
        "ending temporary limit raises failed; retried in 15 minutes",
        () -> expiry.endDue(clock.instant()));
  }
}
