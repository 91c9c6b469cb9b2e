package io.dialtone.cdr.control;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the CDR partitions ahead of time: once at start-up, right after the schema migration (so the
 * first call of the day finds its month), then every day. A failure is logged at SEVERE and retried
 * the next day; inserts still succeed meanwhile (into pmax), with {@link
 * CdrPartitions#MONTHS_AHEAD} months of margin before that happens at all.
 */
@ApplicationScoped
public class CdrPartitionJob {

  private static final Logger LOG = Logger.getLogger(CdrPartitionJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CdrPartitions partitions;

  Clock clock = Clock.systemUTC();
  private ScheduledFuture<?> task;

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 10)
          Object event) {
    run();
    task = scheduler.scheduleAtFixedRate(this::run, 24, 24, TimeUnit.HOURS);
  }

  /** One pass: the current month and the next ones get their partitions. */
  public void run() {
    try {
      partitions.ensureAhead(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "ALERT cdr partitions could not be added ahead", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
