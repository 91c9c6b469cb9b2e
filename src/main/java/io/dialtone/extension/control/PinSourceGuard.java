package io.dialtone.extension.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-source limit on the voicemail system's PIN checks (SECURITY.md A5: per-source throttling, so
 * one caller spraying PINs across many mailboxes is stopped without locking every mailbox): a
 * source (the caller id or address the voicemail system passes) with {@link
 * PinSourceRules#failures()} failed checks within {@link PinSourceRules#window()} is refused for
 * {@link PinSourceRules#refuseFor()}; no PIN is checked meanwhile. Settings {@code
 * DIALTONE_VOICEMAIL_PIN_SOURCE_FAILURES} (20), {@code
 * DIALTONE_VOICEMAIL_PIN_SOURCE_WINDOW_MINUTES} (10) and {@code
 * DIALTONE_VOICEMAIL_PIN_SOURCE_REFUSE_MINUTES} (15).
 *
 * <p><b>In memory, per server</b>: nothing survives a restart and nodes do not share counts. Memory
 * is bounded: a source keeps at most {@code failures} instants, sources are cut to {@value
 * #SOURCE_MAX} characters, and once more than {@value #SWEEP_THRESHOLD} sources are known, idle
 * ones are dropped. Thread-safe. Times are given by the caller (the check's instant).
 */
@ApplicationScoped
public class PinSourceGuard {

  /** Longest source kept; longer ones are cut (the key only needs to tell callers apart). */
  public static final int SOURCE_MAX = 100;

  static final int SWEEP_THRESHOLD = 10_000;

  @Inject
  @ConfigProperty(name = "dialtone.voicemail.pin.source-failures", defaultValue = "20")
  int failures;

  @Inject
  @ConfigProperty(name = "dialtone.voicemail.pin.source-window-minutes", defaultValue = "10")
  int windowMinutes;

  @Inject
  @ConfigProperty(name = "dialtone.voicemail.pin.source-refuse-minutes", defaultValue = "15")
  int refuseMinutes;

  PinSourceRules rules = PinSourceRules.defaults();
  private final ConcurrentHashMap<String, Source> sources = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    rules = PinSourceRules.of(failures, windowMinutes, refuseMinutes);
  }

  public PinSourceRules rules() {
    return rules;
  }

  /** The key of {@code source}: stripped, cut to {@value #SOURCE_MAX} characters, never null. */
  public static String key(String source) {
    String s = source == null ? "" : source.strip();
    return s.length() > SOURCE_MAX ? s.substring(0, SOURCE_MAX) : s;
  }

  /** Whether checks from {@code source} are refused at {@code at}. */
  public boolean refused(String source, Instant at) {
    Source s = sources.get(key(source));
    if (s == null) {
      return false;
    }
    synchronized (s) {
      return s.refusedUntil != null && s.refusedUntil.isAfter(at);
    }
  }

  /**
   * Counts a failed check from {@code source} at {@code at}; true when this failure starts a
   * refusal (worth one audit row).
   */
  public boolean failed(String source, Instant at) {
    if (sources.size() > SWEEP_THRESHOLD) {
      sweep(at);
    }
    Source s = sources.computeIfAbsent(key(source), k -> new Source());
    synchronized (s) {
      if (s.refusedUntil != null && s.refusedUntil.isAfter(at)) {
        return false;
      }
      s.forget(at.minus(rules.window()));
      s.failures.addLast(at);
      if (s.failures.size() >= rules.failures()) {
        s.failures.clear();
        s.refusedUntil = at.plus(rules.refuseFor());
        return true;
      }
      return false;
    }
  }

  /** Lifts every refusal and forgets every count (for tests and operators). */
  public void clear() {
    sources.clear();
  }

  int trackedSources() {
    return sources.size();
  }

  private void sweep(Instant now) {
    Instant horizon = now.minus(rules.window());
    sources
        .values()
        .removeIf(
            s -> {
              synchronized (s) {
                s.forget(horizon);
                return s.failures.isEmpty()
                    && (s.refusedUntil == null || !s.refusedUntil.isAfter(now));
              }
            });
  }

  private static final class Source {
    private final Deque<Instant> failures = new ArrayDeque<>();
    private Instant refusedUntil;

    void forget(Instant horizon) {
      while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
        failures.removeFirst();
      }
    }
  }
}
