package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.entity.BanReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The guard's thresholds (SECURITY.md D4, D5), with the documented defaults, alone and with many
 * threads counting for one source at once (the transport's threads share one guard).
 */
class MemorySourceGuardTest {

  private final SipFixtures f = new SipFixtures();
  private final MemorySourceGuard guard = f.guard;

  @Test
  void tenFailuresWithinTenMinutesBanForFifteen() {
    for (int i = 0; i < 9; i++) {
      guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
    }
    assertThat(guard.admit("203.0.113.5")).isTrue();
    guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
    assertThat(guard.admit("203.0.113.5")).isFalse();
    assertThat(guard.current())
        .singleElement()
        .satisfies(
            ban -> {
              assertThat(ban.reason()).isEqualTo(BanReason.DIGEST_FAILURES);
              assertThat(Duration.between(ban.since(), ban.until()))
                  .isEqualTo(Duration.ofMinutes(15));
            });
    assertThat(f.events).singleElement().isInstanceOf(SourceBanned.class);
    assertThat(guard.admit("203.0.113.6")).as("another address").isTrue();
    f.clock.advance(Duration.ofMinutes(15));
    assertThat(guard.admit("203.0.113.5")).isTrue();
    assertThat(guard.current()).isEmpty();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotBan() {
    for (int i = 0; i < 20; i++) {
      guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
      f.clock.advance(Duration.ofMinutes(2));
    }
    assertThat(guard.banned("203.0.113.5")).isFalse();
  }

  @Test
  void aBurstAgainstOneExtensionFromManyAddressesAlertsOncePerWindow() {
    for (int i = 0; i < 45; i++) {
      guard.digestFailed("198.51.100." + i, SipFixtures.REALM, SipFixtures.USER);
    }
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            FailureBurst.class,
            burst -> {
              assertThat(burst.extensionId()).isEqualTo(7L);
              assertThat(burst.extensionNumber()).isEqualTo("201");
              assertThat(burst.failures()).isEqualTo(20);
            });
    assertThat(guard.banned("198.51.100.1")).isFalse();
    f.clock.advance(Duration.ofMinutes(11));
    for (int i = 0; i < 20; i++) {
      guard.digestFailed("198.51.100." + i, SipFixtures.REALM, SipFixtures.USER);
    }
    assertThat(f.events).hasSize(2);
  }

  @Test
  void aSourceOverTheRateCeilingIsDroppedAndFiveTimesOverIsBanned() {
    for (int i = 0; i < 200; i++) {
      assertThat(guard.admit("192.0.2.50")).isTrue();
    }
    assertThat(guard.admit("192.0.2.50")).isFalse();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(guard.admit("192.0.2.50")).isTrue();
    for (int i = 0; i < 1000; i++) {
      guard.admit("192.0.2.50");
    }
    assertThat(guard.current())
        .singleElement()
        .satisfies(ban -> assertThat(ban.reason()).isEqualTo(BanReason.FLOOD));
  }

  @Test
  void aScannerIsBannedOnceAndALiftForgetsIt() {
    guard.scannerSeen("192.0.2.66", "friendly-scanner");
    guard.scannerSeen("192.0.2.66", "friendly-scanner");
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            SourceBanned.class,
            e -> {
              assertThat(e.ban().reason()).isEqualTo(BanReason.SCANNER);
              assertThat(e.lastUserAgent()).isEqualTo("friendly-scanner");
            });
    assertThat(guard.lift("192.0.2.66")).isTrue();
    assertThat(guard.lift("192.0.2.66")).isFalse();
    assertThat(guard.admit("192.0.2.66")).isTrue();
  }

  @Test
  void failuresRacingFromOneSourceBanExactlyAtTheThreshold() throws Exception {
    int threads = 9; // one short of the threshold of ten
    for (int round = 0; round < 200; round++) {
      String address = "203.0.113." + round;
      race(threads, 1, () -> guard.digestFailed(address, SipFixtures.REALM, "299"));
      assertThat(guard.banned(address)).as("round %d after %d failures", round, threads).isFalse();
      guard.digestFailed(address, SipFixtures.REALM, "299");
      assertThat(guard.banned(address)).as("round %d after the tenth", round).isTrue();
    }
    assertThat(f.events).hasSize(200).allMatch(e -> e instanceof SourceBanned);
  }

  @Test
  void aFloodOfRacingFailuresBansOnceAndNeverCountsAnotherSource() throws Exception {
    race(8, 500, () -> guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299"));
    assertThat(guard.current())
        .singleElement()
        .satisfies(ban -> assertThat(ban.address()).isEqualTo("203.0.113.5"));
    assertThat(f.events).singleElement().isInstanceOf(SourceBanned.class);
    for (int i = 0; i < 9; i++) {
      guard.digestFailed("203.0.113.6", SipFixtures.REALM, "299");
    }
    assertThat(guard.banned("203.0.113.6")).isFalse();
  }

  @Test
  void racingFailuresAgainstOneExtensionAlertOnce() throws Exception {
    AtomicInteger source = new AtomicInteger();
    race(
        8,
        50,
        () ->
            guard.digestFailed(
                "198.51.100." + source.getAndIncrement() % 250,
                SipFixtures.REALM,
                SipFixtures.USER));
    assertThat(f.events)
        .filteredOn(e -> e instanceof FailureBurst)
        .as("one burst alert per window")
        .hasSize(1);
  }

  @Test
  void racingRequestsFromOneSourceAreAdmittedExactlyUpToTheCeiling() throws Exception {
    AtomicInteger admitted = new AtomicInteger();
    race(
        8,
        100,
        () -> {
          if (guard.admit("192.0.2.50")) {
            admitted.incrementAndGet();
          }
        });
    assertThat(admitted).as("admitted of 800 within one second").hasValue(200);
    assertThat(guard.current()).as("800 is under five times the ceiling").isEmpty();

    AtomicInteger flooding = new AtomicInteger();
    race(
        8,
        150,
        () -> {
          if (guard.admit("192.0.2.51")) {
            flooding.incrementAndGet();
          }
        });
    assertThat(flooding).as("admitted of 1,200 within one second").hasValue(200);
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            SourceBanned.class, e -> assertThat(e.ban().reason()).isEqualTo(BanReason.FLOOD));
  }

  /** {@code threads} threads, started together, each running {@code action} {@code times}. */
  private static void race(int threads, int times, Runnable action) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < times; i++) {
                    action.run();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
