package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.TrunkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The carrier trunks as call control asks for them, from memory: a call never waits on the
 * database. The enabled trunks are loaded once and kept; a change made on this node drops them at
 * once (a {@link TrunksChanged} event observed after commit), a change made on another node is seen
 * at the latest after {@value #MAX_AGE} seconds (default 10), when the next question reloads them.
 * Health comes from {@link TrunkHealth} on this node as soon as a probe answers, and from the store
 * at each reload.
 */
@ApplicationScoped
public class TrunkDirectory {

  /** How long the loaded trunks are used at most before a reload (seconds), unless changed. */
  public static final String MAX_AGE = "dialtone.trunk.cache-seconds";

  private TrunkSource source;
  private TrunkOrder order;
  private long maxAgeNanos;
  private LongSupplier ticker;
  private volatile Loaded loaded;

  /** For CDI's proxy only. */
  protected TrunkDirectory() {}

  @Inject
  TrunkDirectory(
      StoredTrunks source,
      @ConfigProperty(name = MAX_AGE, defaultValue = "10") long maxAgeSeconds) {
    // SecureRandom is thread-safe; the source rules allow no other generator in main code.
    this(source, new SecureRandom(), Duration.ofSeconds(maxAgeSeconds), System::nanoTime);
  }

  /** With a source, a random generator and a nanosecond ticker of the caller's (tests). */
  TrunkDirectory(TrunkSource source, RandomGenerator random, Duration maxAge, LongSupplier ticker) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("max age must be positive");
    }
    this.source = source;
    this.order = new TrunkOrder(random);
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = ticker;
  }

  /**
   * Enabled trunks to try for one outbound call, in order: by priority, weighted random within a
   * priority, unhealthy ones left out — except for an emergency call, where they come last.
   */
  public List<TrunkRoute> candidates(boolean emergency) {
    return order.order(entries(), emergency);
  }

  /** Every enabled trunk (what the health probe pings). */
  public List<TrunkRoute> enabled() {
    return entries().stream().map(DirectoryEntry::route).toList();
  }

  /** The enabled trunk whose declared source addresses contain ip (inbound calls, part 2). */
  public Optional<TrunkRoute> fromSource(String ip) {
    return entries().stream().filter(e -> e.from(ip)).map(DirectoryEntry::route).findFirst();
  }

  /** Drops the loaded trunks; the next question reloads them. */
  public void invalidate() {
    loaded = null;
  }

  /** Records on this node the health of trunk {@code id} that its last probe gave. */
  synchronized void health(long id, TrunkStatus status) {
    Loaded now = loaded;
    if (now != null) {
      loaded =
          new Loaded(
              now.entries().stream()
                  .map(e -> e.route().id() == id ? e.withStatus(status) : e)
                  .toList(),
              now.at());
    }
  }

  /** The health of enabled trunk {@code id} as this node knows it; empty if not enabled. */
  Optional<TrunkStatus> health(long id) {
    return entries().stream()
        .filter(e -> e.route().id() == id)
        .map(DirectoryEntry::status)
        .findFirst();
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrunksChanged change) {
    invalidate();
  }

  private List<DirectoryEntry> entries() {
    Loaded now = loaded;
    long tick = ticker.getAsLong();
    if (now == null || tick - now.at() >= maxAgeNanos) {
      now = reload(tick);
    }
    return now.entries();
  }

  private synchronized Loaded reload(long tick) {
    Loaded now = loaded;
    if (now == null || tick - now.at() >= maxAgeNanos) {
      now = new Loaded(List.copyOf(source.enabledTrunks()), ticker.getAsLong());
      loaded = now;
    }
    return now;
  }

  private record Loaded(List<DirectoryEntry> entries, long at) {}
}
