package io.dialtone.identity.control;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the {@link InactivitySweep} once a day, the first time an hour after start. A failed run is
 * logged at SEVERE and the next day's run still happens.
 */
@ApplicationScoped
public class DailyInactivitySweep {

  @Inject ScheduledJobs jobs;
  @Inject InactivitySweep sweep;
  @Inject Clock clock;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    jobs.every(
        Duration.ofHours(24),
        Duration.ofHours(1),
        "inactivity sweep failed; it runs again in 24 h",
        () -> sweep.sweep(clock.instant()));
  }
}
