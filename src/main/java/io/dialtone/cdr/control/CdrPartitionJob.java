package io.dialtone.cdr.control;

import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.platform.control.ScheduledJobs;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Adds the CDR partitions ahead of time: once at start-up, right after the schema migration (so the
 * first call of the day finds its month), then every day. A failure is logged at SEVERE and retried
 * the next day; inserts still succeed meanwhile (into pmax), with {@link
 * CdrPartitions#MONTHS_AHEAD} months of margin before that happens at all.
 */
@ApplicationScoped
public class CdrPartitionJob {

  @Inject ScheduledJobs jobs;
  @Inject CdrPartitions partitions;

  Clock clock = Clock.systemUTC();

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 10)
          Object event) {
    jobs.every(
            Duration.ofHours(24),
            Duration.ofHours(24),
            "ALERT cdr partitions could not be added ahead",
            () -> partitions.ensureAhead(clock.instant()))
        .runOnce();
  }
}
