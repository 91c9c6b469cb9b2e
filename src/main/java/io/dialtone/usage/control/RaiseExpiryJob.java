package io.dialtone.usage.control;

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
 * Runs {@link RaiseExpiry} every 15 minutes (first run 5 minutes after start) with the injected
 * clock, as {@code identity.control.DailyInactivitySweep} runs its sweep: a raise ends within 15
 * minutes of midnight in its account's time zone. A failed run is logged at SEVERE; the next runs
 * still happen.
 */
@ApplicationScoped
public class RaiseExpiryJob {

  private static final Logger LOG = Logger.getLogger(RaiseExpiryJob.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject RaiseExpiry expiry;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    task = scheduler.scheduleAtFixedRate(this::runOnce, 5, 15, TimeUnit.MINUTES);
  }

  void runOnce() {
    try {
      expiry.endDue(clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "ending temporary limit raises failed; retried in 15 minutes", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
