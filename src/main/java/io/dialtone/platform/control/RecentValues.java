package io.dialtone.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from the database for the calls' hot path, kept for a while: each is read again after
 * {@code maxAge}, or at once after its owner said it changed ({@link #forget}, {@link #forgetAll}:
 * from an event observed after the change's commit). A read that started before a change is not
 * kept (a version counter), so a change is never hidden by a read racing it on this node; another
 * node sees it at the latest after {@code maxAge}.
 *
 * @param <K> the key (an account id, an extension id)
 * @param <V> the value; never {@code null} (wrap an absent one in {@code Optional})
 */
public final class RecentValues<K, V> {

  private record Kept<V>(V value, long until) {}

  private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final long maxAgeNanos;
  private final LongSupplier ticker;

  /** Values kept at most {@code maxAge}, timed by {@code ticker} (nanoseconds). */
  public RecentValues(Duration maxAge, LongSupplier ticker) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("max age must be positive");
    }
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = ticker;
  }

  /** Values kept at most {@code maxAge}. */
  public RecentValues(Duration maxAge) {
    this(maxAge, System::nanoTime);
  }

  /** The value of {@code key}: the kept one while it is fresh, else {@code read}'s, kept. */
  public V get(K key, Function<K, V> read) {
    long now = ticker.getAsLong();
    Kept<V> known = kept.get(key);
    if (known != null && now - known.until() < 0) {
      return known.value();
    }
    long before = version.get();
    V value = read.apply(key);
    if (value == null) {
      throw new IllegalStateException("no value for " + key);
    }
    if (version.get() == before) {
      kept.put(key, new Kept<>(value, now + maxAgeNanos));
    }
    return value;
  }

  /** {@code key} changed: the next {@link #get} reads it again. */
  public void forget(K key) {
    version.incrementAndGet();
    kept.remove(key);
  }

  /** Everything changed (or an unknown part of it). */
  public void forgetAll() {
    version.incrementAndGet();
    kept.clear();
  }

  /** Values kept now (monitoring, tests). */
  public int size() {
    return kept.size();
  }
}
