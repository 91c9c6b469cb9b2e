package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The call policy's one question: may this extension of this account call this dialled string now,
 * and if not, which rule says no? Used by SIP call control for every outbound call, forward and
 * continuity target (SECURITY.md E6), by the rule tester and by the CDR for blocked attempts.
 *
 * <p>Each account's rules are compiled once ({@link AccountPolicy}: hash sets and digit tries) and
 * kept in memory, as are the platform ranges; a decision on a warm cache does no I/O. A change to
 * stored rules calls {@link #invalidate(long)} or {@link #invalidatePlatform()}, directly or
 * through a {@link CallPolicyChanged} event observed after commit, and the next decision reloads.
 * The cache is per node: in a cluster each node must get the event.
 */
@ApplicationScoped
public class CallDecisions {

  /** How long compiled rules are used at most before a reload (seconds), unless invalidated. */
  public static final String MAX_AGE = "dialtone.callpolicy.cache-seconds";

  private final Map<Long, Fresh<AccountPolicy>> accounts = new ConcurrentHashMap<>();
  private PolicySource source;
  private NumberClassifier classifier;
  private PolicyEngine engine;
  private long maxAgeNanos;
  private LongSupplier ticker;
  private volatile Fresh<PlatformRanges> platform;

  /** For CDI's proxy only. */
  protected CallDecisions() {}

  @Inject
  public CallDecisions(
      PolicySource source,
      NumberClassifier classifier,
      RateLookup rates,
      UsageGate usage,
      @ConfigProperty(name = MAX_AGE, defaultValue = "60") long maxAgeSeconds) {
    this(source, classifier, rates, usage, Duration.ofSeconds(maxAgeSeconds), System::nanoTime);
  }

  /** With a maximum age and a nanosecond ticker of the caller's (tests). */
  public CallDecisions(
      PolicySource source,
      NumberClassifier classifier,
      RateLookup rates,
      UsageGate usage,
      Duration maxAge,
      LongSupplier ticker) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("max age must be positive");
    }
    this.source = source;
    this.classifier = classifier;
    this.engine = new PolicyEngine(rates, usage);
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = ticker;
  }

  /**
   * The decision for {@code dialled} from {@code extension} of {@code accountId} at {@code at}.
   *
   * @param extension the calling extension, or {@code null} for an account-level destination
   */
  public Decision decide(
      AccountId accountId, ExtensionNumber extension, String dialled, Instant at) {
    AccountPolicy policy = policy(accountId.value());
    Classification call = classifier.classify(dialled, policy.dialPlan());
    return engine.decide(policy, platformRanges(), extension, call, at);
  }

  /** What {@code dialled} is for {@code accountId}, without a verdict. */
  public Classification classify(long accountId, String dialled) {
    return classifier.classify(dialled, policy(accountId).dialPlan());
  }

  /** Drops the compiled rules of {@code accountId}; the next decision reloads them. */
  public void invalidate(long accountId) {
    accounts.remove(accountId);
  }

  /** Drops the compiled platform ranges; the next decision reloads them. */
  public synchronized void invalidatePlatform() {
    platform = null;
  }

  /** Drops everything (e.g. when the account's country changed and with it its dial plan). */
  public void invalidateAll() {
    accounts.clear();
    invalidatePlatform();
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallPolicyChanged change) {
    if (change.accountId() == null) {
      invalidatePlatform();
    } else {
      invalidate(change.accountId());
    }
  }

  /** How many accounts are compiled now. */
  public int cachedAccounts() {
    return accounts.size();
  }

  private AccountPolicy policy(long accountId) {
    long now = ticker.getAsLong();
    Fresh<AccountPolicy> compiled = accounts.get(accountId);
    if (compiled == null || compiled.expired(now)) {
      compiled =
          accounts.compute(
              accountId,
              (id, old) ->
                  old != null && !old.expired(now)
                      ? old
                      : new Fresh<>(source.load(id), now + maxAgeNanos));
    }
    return compiled.value();
  }

  private PlatformRanges platformRanges() {
    Fresh<PlatformRanges> ranges = platform;
    return ranges != null && !ranges.expired(ticker.getAsLong())
        ? ranges.value()
        : loadPlatformRanges();
  }

  /**
   * Synchronized with {@link #invalidatePlatform()}: a load never outlives the change it missed.
   */
  private synchronized PlatformRanges loadPlatformRanges() {
    long now = ticker.getAsLong();
    if (platform == null || platform.expired(now)) {
      platform = new Fresh<>(source.platformRanges(), now + maxAgeNanos);
    }
    return platform.value();
  }

  /** A compiled value and the {@link System#nanoTime()} after which it is reloaded. */
  private record Fresh<T>(T value, long expiresAt) {

    boolean expired(long now) {
      return now - expiresAt >= 0;
    }
  }
}
