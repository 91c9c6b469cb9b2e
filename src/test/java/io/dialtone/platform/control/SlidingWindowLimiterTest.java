package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.platform.control.SlidingWindowLimiter.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void allowsTheLimitThenRefusesAndAuditsOnlyTheFirstRefusal() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.attempt("10.0.0.1")).isEqualTo(Verdict.ALLOWED);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(limiter.attempt("10.0.0.1")).isEqualTo(Verdict.REFUSED_FIRST);
    assertThat(limiter.attempt("10.0.0.1")).isEqualTo(Verdict.REFUSED);
    assertThat(limiter.attempt("10.0.0.1").allowed()).isFalse();
  }

  @Test
  void keysAreCountedSeparately() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(10), clock);
    assertThat(limiter.attempt("10.0.0.1")).isEqualTo(Verdict.ALLOWED);
    assertThat(limiter.attempt("10.0.0.2")).isEqualTo(Verdict.ALLOWED);
    assertThat(limiter.attempt("10.0.0.1")).isEqualTo(Verdict.REFUSED_FIRST);
  }

  @Test
  void theWindowSlides() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, Duration.ofMinutes(10), clock);
    limiter.attempt("ip"); // t = 0
    clock.advance(Duration.ofMinutes(6));
    limiter.attempt("ip"); // t = 6 min
    clock.advance(Duration.ofMinutes(3));
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.REFUSED_FIRST); // t = 9: both in window

    clock.advance(Duration.ofMinutes(1)); // t = 10: the first left the window
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.ALLOWED);
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.REFUSED_FIRST);

    clock.advance(Duration.ofMinutes(10)); // everything left
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.ALLOWED);
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void refusedAttemptsDoNotExtendTheBlock() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(10), clock);
    limiter.attempt("ip");
    for (int i = 0; i < 9; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(limiter.attempt("ip").allowed()).isFalse();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.attempt("ip")).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void parallelAttemptsNeverPassTheLimit() throws Exception {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(25, Duration.ofMinutes(10), clock);
    AtomicInteger allowed = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      tasks.add(
          () -> {
            if (limiter.attempt("ip").allowed()) {
              allowed.incrementAndGet();
            }
            return null;
          });
    }
    try (var pool = Executors.newFixedThreadPool(16)) {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    }
    assertThat(allowed).hasValue(25);
  }

  @Test
  void idleKeysAreSweptOnceManyAreTracked() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(1), clock);
    for (int i = 0; i <= SlidingWindowLimiter.SWEEP_THRESHOLD; i++) {
      limiter.attempt("10.1." + i);
    }
    clock.advance(Duration.ofMinutes(2));
    limiter.attempt("fresh");
    assertThat(limiter.trackedKeys()).isEqualTo(1);
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new SlidingWindowLimiter(0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlidingWindowLimiter(1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
