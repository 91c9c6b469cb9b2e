package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedJobTest {

  private static final Logger LOG = Logger.getLogger(GuardedJob.class.getName());

  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    LOG.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    LOG.removeHandler(handler);
  }

  @Test
  void aFailedRunIsLoggedAtSevereAndTheScheduleGoesOn() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thirdRun = new CountDownLatch(3);
    GuardedJob job =
        new GuardedJob(
            "ALERT test job failed",
            () -> {
              runs.incrementAndGet();
              thirdRun.countDown();
              throw new IllegalStateException("database down");
            });
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      // a bare task that throws is never run again by a scheduler: the guard must keep it going
      scheduler.scheduleAtFixedRate(job, 0, 10, TimeUnit.MILLISECONDS);
      assertThat(thirdRun.await(30, TimeUnit.SECONDS)).as("three runs despite failures").isTrue();
    } finally {
      scheduler.shutdownNow();
    }
    assertThat(logged)
        .filteredOn(r -> r.getLevel() == Level.SEVERE)
        .first()
        .satisfies(
            r -> {
              assertThat(r.getMessage()).isEqualTo("ALERT test job failed");
              assertThat(r.getThrown()).hasMessage("database down");
            });
  }

  @Test
  void aRunWhileThePreviousOneIsGoingIsSkipped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    GuardedJob job =
        new GuardedJob(
            "test job failed",
            () -> {
              runs.incrementAndGet();
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    // own threads: the common pool may have a single worker on a small machine
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(job::runOnce, threads);
    try {
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      // from another thread with a bound: an unguarded second run would wait for the first forever
      assertThat(CompletableFuture.supplyAsync(job::runOnce, threads).get(30, TimeUnit.SECONDS))
          .as("second run while the first is going")
          .isFalse();
    } finally {
      release.countDown();
      threads.shutdown();
    }

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(job.runOnce()).as("once the first is done, the next one runs").isTrue();
    assertThat(runs).hasValue(2);
    assertThat(logged).extracting(LogRecord::getLevel).contains(Level.WARNING);
  }
}
