package io.dialtone.extension.control;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes registration history older than {@link RegistrationHistory#KEPT} once a day, the first
 * time ten minutes after start. A failed run is logged at SEVERE and the next day's run still
 * happens.
 */
@ApplicationScoped
public class RegistrationHistoryPurge {

  @Inject ScheduledJobs jobs;
  @Inject RegistrationHistory history;
  @Inject Clock clock;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    jobs.every(
        Duration.ofHours(24),
        Duration.ofMinutes(10),
        "registration history purge failed; it runs again in 24 h",
        () -> history.purge(clock.instant()));
  }
}
