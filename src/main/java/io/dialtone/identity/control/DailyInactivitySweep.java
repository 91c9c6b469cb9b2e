package io.dialtone.identity.control;

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
 * Runs the {@link InactivitySweep} once a day (first run an hour after start), as {@code
 * audit.control.DailyChainCheck} runs the chain check. A failed run is logged at SEVERE and the
 * next day's run still happens (an exception escaping a periodic task would cancel it).
 */
@ApplicationScoped
public class DailyInactivitySweep {

  private static final Logger LOG = Logger.getLogger(DailyInactivitySweep.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject InactivitySweep sweep;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    task = scheduler.scheduleAtFixedRate(this::runOnce, 1, 24, TimeUnit.HOURS);
  }

  void runOnce() {
    try {
      sweep.sweep(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "inactivity sweep failed; it runs again in 24 h", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
