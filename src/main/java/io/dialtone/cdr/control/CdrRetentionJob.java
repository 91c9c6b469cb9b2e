package io.dialtone.cdr.control;

import jakarta.annotation.PreDestroy;
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
 * Runs the {@link CdrRetentionSweep} once a day (first run two hours after start, away from the
 * partition job's start-up pass), at the injected clock's time. A failed run is logged at SEVERE
 * (and audited by the sweep); the next day's run still happens.
 */
@ApplicationScoped
public class CdrRetentionJob {

  private static final Logger LOG = Logger.getLogger(CdrRetentionJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CdrRetentionSweep sweep;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    task = scheduler.scheduleAtFixedRate(this::runOnce, 2, 24, TimeUnit.HOURS);
  }

  void runOnce() {
    try {
      sweep.apply(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "ALERT cdr retention failed; it runs again in 24 h", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
