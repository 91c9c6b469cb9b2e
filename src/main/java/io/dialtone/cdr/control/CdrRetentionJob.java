package io.dialtone.cdr.control;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the {@link CdrRetentionSweep} once a day (first run two hours after start, away from the
 * partition job's start-up pass), at the injected clock's time. A failed run is logged at SEVERE
 * (and audited by the sweep); the next day's run still happens.
 */
@ApplicationScoped
public class CdrRetentionJob {

  @Inject ScheduledJobs jobs;
  @Inject CdrRetentionSweep sweep;
  @Inject Clock clock;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    jobs.every(
        Duration.ofHours(24),
        Duration.ofHours(2),
        "ALERT cdr retention failed; it runs again in 24 h",
        () -> sweep.apply(clock.instant()));
  }
}
