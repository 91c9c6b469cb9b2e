package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The group commit's queueing rules, with a batch writer that stores in a list: batches take what
 * waited, each caller gets its own record's result, a failed batch is retried record by record so a
 * bad record fails alone, and a full queue refuses after the wait (back-pressure). The database
 * side is CdrStoreIT's.
 */
class GroupCommitTest {

  private static CallRecord call(String callId) {
    Instant start = Instant.parse("2026-11-28T10:00:00Z");
    return new CallRecord(
        AccountId.of(1),
        new ExtensionNumber("201"),
        Direction.INBOUND,
        "+15145550100",
        "201",
        "15145550100",
        DestinationClass.LOCAL,
        "CA",
        start,
        null,
        start,
        0,
        Disposition.NO_ANSWER,
        null,
        null,
        null,
        List.of(),
        callId);
  }

  @Test
  void callersWaitingTogetherShareABatchAndEachGetsItsOwnResult() throws Exception {
    List<Integer> batchSizes = new ArrayList<>();
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService drain = Executors.newSingleThreadExecutor()) {
      GroupCommit commits =
          new GroupCommit(
              100,
              50,
              Duration.ofSeconds(1),
              drain,
              batch -> {
                firstBatchEntered.countDown();
                await(release);
                synchronized (batchSizes) {
                  batchSizes.add(batch.size());
                }
                return batch.stream()
                    .map(c -> new Recorded(true, Long.parseLong(c.callId()), null))
                    .toList();
              });
      CompletableFuture<Recorded> first = commits.submit(call("1"));
      firstBatchEntered.await(5, TimeUnit.SECONDS);
      List<CompletableFuture<Recorded>> waiting = new ArrayList<>();
      for (int i = 2; i <= 31; i++) {
        waiting.add(commits.submit(call(Integer.toString(i))));
      }
      release.countDown();

      assertThat(first.get(5, TimeUnit.SECONDS).id()).isEqualTo(1);
      for (int i = 0; i < waiting.size(); i++) {
        assertThat(waiting.get(i).get(5, TimeUnit.SECONDS).id()).isEqualTo(i + 2);
      }
      assertThat(batchSizes).containsExactly(1, 30); // what waited during the first commit
      assertThat(commits.queued()).isZero();
    }
  }

  @Test
  void aFailedBatchIsRetriedRecordByRecordSoOnlyTheBadOneFails() throws Exception {
    try (ExecutorService drain = Executors.newSingleThreadExecutor()) {
      CountDownLatch hold = new CountDownLatch(1);
      GroupCommit commits =
          new GroupCommit(
              100,
              50,
              Duration.ofSeconds(1),
              drain,
              batch -> {
                await(hold);
                if (batch.stream().anyMatch(c -> c.callId().equals("bad"))) {
                  throw new IllegalArgumentException("no account");
                }
                return batch.stream().map(c -> new Recorded(true, 7, null)).toList();
              });
      List<CompletableFuture<Recorded>> futures = new ArrayList<>();
      for (String id : List.of("a", "b", "bad", "c")) {
        futures.add(commits.submit(call(id)));
      }
      hold.countDown();

      assertThat(futures.get(0).get(5, TimeUnit.SECONDS).stored()).isTrue();
      assertThat(futures.get(1).get(5, TimeUnit.SECONDS).stored()).isTrue();
      assertThat(futures.get(3).get(5, TimeUnit.SECONDS).stored()).isTrue();
      assertThatThrownBy(futures.get(2)::join)
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFullQueueRefusesAfterTheWaitAndTakesAgainOnceDrained() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    try (ExecutorService drain = Executors.newSingleThreadExecutor()) {
      GroupCommit commits =
          new GroupCommit(
              2,
              1,
              Duration.ofMillis(50),
              drain,
              batch -> {
                await(hold);
                return batch.stream().map(c -> new Recorded(true, 1, null)).toList();
              });
      CompletableFuture<Recorded> inFlight = commits.submit(call("1")); // taken by the drain
      waitUntil(() -> commits.queued() == 0);
      commits.submit(call("2"));
      commits.submit(call("3")); // the queue holds two

      assertThatThrownBy(() -> commits.submit(call("4"))).isInstanceOf(CallRecorderBusy.class);

      hold.countDown();
      assertThat(inFlight.get(5, TimeUnit.SECONDS).stored()).isTrue();
      assertThat(commits.submit(call("5")).get(5, TimeUnit.SECONDS).stored()).isTrue();
    }
  }

  @Test
  void anOrderlyShutdownReturnsOnlyOnceTheBatchInFlightIsStored() throws Exception {
    CountDownLatch storing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService drain = Executors.newSingleThreadExecutor()) {
      GroupCommit commits =
          new GroupCommit(
              100,
              50,
              Duration.ofSeconds(1),
              drain,
              batch -> {
                storing.countDown();
                await(release);
                return batch.stream().map(c -> new Recorded(true, 1L, null)).toList();
              });
      CompletableFuture<Recorded> inFlight = commits.submit(call("1"));
      assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();
      // the drain holds the record, the queue is empty: the shutdown must wait for its commit
      Thread shutdown = new Thread(commits::close);
      shutdown.start();
      waitUntil(
          () ->
              shutdown.getState() == Thread.State.BLOCKED
                  || shutdown.getState() == Thread.State.TERMINATED);
      assertThat(shutdown.getState()).as("the shutdown waits").isEqualTo(Thread.State.BLOCKED);
      assertThat(inFlight).isNotDone();
      release.countDown();
      shutdown.join(5_000);
      assertThat(shutdown.isAlive()).isFalse();
      assertThat(inFlight).isCompleted();
    }
  }

  @Test
  void underLoadABatchLingersForTheRecordsThatFollowInsteadOfStoringThemOneByOne()
      throws Exception {
    List<List<String>> batches = new ArrayList<>();
    CountDownLatch firstBatchEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService drain = Executors.newSingleThreadExecutor()) {
      GroupCommit commits =
          new GroupCommit(
              100,
              50,
              Duration.ofSeconds(1),
              Duration.ofSeconds(2),
              drain,
              batch -> {
                firstBatchEntered.countDown();
                await(release);
                synchronized (batches) {
                  batches.add(batch.stream().map(CallRecord::callId).toList());
                }
                return batch.stream()
                    .map(c -> new Recorded(true, Long.parseLong(c.callId()), null))
                    .toList();
              });
      CompletableFuture<Recorded> first = commits.submit(call("1"));
      firstBatchEntered.await(5, TimeUnit.SECONDS);
      CompletableFuture<Recorded> second = commits.submit(call("2"));
      CompletableFuture<Recorded> third = commits.submit(call("3"));
      release.countDown();
      third.get(5, TimeUnit.SECONDS); // a batch of two: load
      List<CompletableFuture<Recorded>> following = new ArrayList<>();
      for (int i = 4; i <= 6; i++) { // one by one, as calls end
        following.add(commits.submit(call(Integer.toString(i))));
        Thread.sleep(100);
      }

      for (CompletableFuture<Recorded> f : following) {
        f.get(5, TimeUnit.SECONDS);
      }
      assertThat(first.get().id()).isEqualTo(1);
      assertThat(second.get().id()).isEqualTo(2);
      assertThat(batches).containsExactly(List.of("1"), List.of("2", "3"), List.of("4", "5", "6"));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) throws Exception {
    for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
  }
}
