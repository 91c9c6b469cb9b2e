package io.dialtone.platform.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one way to run a background job on a schedule: a component's job bean calls {@link #every}
 * once, from its start-up observer ({@code @Observes @Initialized(ApplicationScoped.class)}), and
 * this bean does the rest: the managed scheduler, a run that never overlaps the previous one, a
 * failure logged at SEVERE without stopping the next runs, and cancellation when the application
 * stops.
 *
 * <p>Why not Jakarta Concurrency 3.1's {@code @Asynchronous(runAt = @Schedule(...))}: its schedule
 * is a calendar (cron-like) one with no initial delay, while Dialtone's jobs run relative to the
 * start (an hour after start, then every 24 h, so restarts and tests never meet a job at a fixed
 * hour), and it does not say what happens when a run outlasts its period.
 */
@ApplicationScoped
public class ScheduledJobs {

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject MeterRegistry registry;

  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

  /**
   * Runs {@code job} every {@code period}, the first time {@code firstRunAfter} from now. A failed
   * run is logged at SEVERE with {@code failureLog} (start it with {@code ALERT} when operations
   * must act) and the next run still happens.
   *
   * @return the job, also to run it once now (at start-up, say) under the same no-overlap guard
   */
  public GuardedJob every(
      Duration period, Duration firstRunAfter, String failureLog, Runnable job) {
    Counter succeeded = runs("success");
    Counter failed = runs("failure");
    GuardedJob guarded =
        new GuardedJob(
            failureLog,
            () -> {
              try {
                job.run();
                succeeded.increment();
              } catch (RuntimeException e) {
                failed.increment();
                throw e;
              }
            });
    scheduled.add(
        scheduler.scheduleAtFixedRate(
            guarded, firstRunAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
    return guarded;
  }

  private Counter runs(String result) {
    return Counter.builder("dialtone.jobs.runs")
        .description("Background job runs by result")
        .tag("result", result)
        .register(registry);
  }

  /**
   * Whether every job declared so far is still scheduled: a periodic task that is done was
   * cancelled or its scheduler stopped, and will never run again (the liveness check).
   */
  public boolean allAlive() {
    return scheduled.stream().noneMatch(ScheduledFuture::isDone);
  }

  @PreDestroy
  void stop() {
    scheduled.forEach(task -> task.cancel(false));
  }
}
