package io.dialtone.call.control;

import io.dialtone.platform.control.ScheduledJobs;
import io.dialtone.sip.control.OptionsPing;
import io.dialtone.trunk.control.TrunkHealth;
import io.dialtone.trunk.control.TrunkRoute;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The carrier trunks' health: every {@link SignallingSettings#probePeriod()} an OPTIONS to every
 * enabled trunk; any answer within the timeout is reported with its latency to {@link TrunkHealth},
 * none as unreachable (the directory then leaves an unhealthy trunk out).
 */
@ApplicationScoped
public class TrunkProbe {

  private static final Logger LOG = Logger.getLogger(TrunkProbe.class.getName());

  /** How long a probe waits for an answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject ScheduledJobs jobs;
  @Inject TrunkRoutes directory;
  @Inject TrunkHealth health;
  @Inject Instance<OptionsPing> ping;
  @Inject SignallingSettings settings;

  @Resource ManagedExecutorService executor;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Duration period = settings.probePeriod();
    jobs.every(period, period, "trunk health probe failed; it runs again", this::probeAll);
  }

  /** Sends one OPTIONS to every enabled trunk. */
  public void probeAll() {
    if (!ping.isResolvable() || !ping.get().active()) {
      return; // SIP is off on this node: no probe, no verdict
    }
    OptionsPing options = ping.get();
    for (TrunkRoute trunk : directory.enabled()) {
      long start = System.nanoTime();
      options
          .ping(RoutedCall.uriOf(trunk, null), TIMEOUT)
          .thenAcceptAsync(status -> report(trunk, status, start), executor);
    }
  }

  private void report(TrunkRoute trunk, int status, long start) {
    try {
      if (status == 0) {
        health.unreachable(trunk.id());
      } else {
        health.answered(trunk.id(), status, Duration.ofNanos(System.nanoTime() - start));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "trunk health of " + trunk.name() + " not recorded", e);
    }
  }
}
