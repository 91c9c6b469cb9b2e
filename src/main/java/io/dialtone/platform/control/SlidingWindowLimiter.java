package io.dialtone.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most {@code limit} attempts per key (e.g. a client IP) within any {@code window}: a
 * sliding log of the last {@code limit} allowed attempts per key, in memory, per server. A refused
 * attempt is not logged, so a key is allowed again as soon as its oldest attempt leaves the window.
 *
 * <p>Memory is bounded: each key keeps at most {@code limit} instants, and once more than {@value
 * #SWEEP_THRESHOLD} keys are known, keys whose attempts all left the window are dropped.
 * Thread-safe.
 */
public final class SlidingWindowLimiter {

  /** Number of keys above which idle keys are swept out on the next attempt. */
  static final int SWEEP_THRESHOLD = 10_000;

  /** The answer to one attempt. */
  public enum Verdict {
    /** Within the limit: go ahead. */
    ALLOWED,
    /** Over the limit, and the previous attempt of this key was allowed: worth an audit row. */
    REFUSED_FIRST,
    /** Over the limit again. */
    REFUSED;

    public boolean allowed() {
      return this == ALLOWED;
    }
  }

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();

  public SlidingWindowLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    this.limit = limit;
    this.window = window;
    this.clock = Objects.requireNonNull(clock);
  }

  /** Records an attempt of {@code key} now and says whether it may go ahead. */
  public Verdict attempt(String key) {
    Instant now = clock.instant();
    if (logs.size() > SWEEP_THRESHOLD) {
      sweep(now);
    }
    Log log = logs.computeIfAbsent(key == null ? "" : key, k -> new Log());
    synchronized (log) {
      log.forget(now.minus(window));
      if (log.attempts.size() < limit) {
        log.attempts.addLast(now);
        log.refusing = false;
        return Verdict.ALLOWED;
      }
      boolean first = !log.refusing;
      log.refusing = true;
      return first ? Verdict.REFUSED_FIRST : Verdict.REFUSED;
    }
  }

  /** Number of keys currently tracked; for tests. */
  int trackedKeys() {
    return logs.size();
  }

  private void sweep(Instant now) {
    Instant horizon = now.minus(window);
    logs.entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                e.getValue().forget(horizon);
                return e.getValue().attempts.isEmpty();
              }
            });
  }

  private static final class Log {
    private final Deque<Instant> attempts = new ArrayDeque<>();
    private boolean refusing;

    void forget(Instant horizon) {
      while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(horizon)) {
        attempts.removeFirst();
      }
    }
  }
}
