package io.dialtone.extension.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure counts of mailboxes that cannot check a PIN (no such extension, a disabled one, or one
 * without a PIN), so that {@link VoicemailPins#verifyPin(long, String, String, String)} answers
 * them exactly as a real mailbox with a wrong PIN: {@value VoicemailPins#MAX_FAILURES} wrong in a
 * row lock it for {@value VoicemailPins#LOCK_MINUTES} minutes. Otherwise a caller could tell real
 * mailboxes from the lock that only they would show.
 *
 * <p><b>In memory, per server</b>: nothing survives a restart. At most {@value #MAX_ENTRIES}
 * mailboxes are tracked; past that, entries that are not locked are dropped first (the per-source
 * limit, {@link PinSourceGuard}, keeps one caller from filling it quickly). Thread-safe.
 */
@ApplicationScoped
public class UnknownMailboxes {

  static final int MAX_ENTRIES = 50_000;

  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

  /** The key of mailbox {@code mailbox} of account {@code accountId}. */
  static String key(long accountId, String mailbox) {
    return accountId + ":" + shown(mailbox);
  }

  /** {@code mailbox} as kept and audited: stripped, at most 16 characters. */
  static String shown(String mailbox) {
    String m = mailbox == null ? "" : mailbox.strip();
    return m.length() > 16 ? m.substring(0, 16) : m;
  }

  /** Whether the mailbox is locked at {@code at}. */
  public boolean locked(long accountId, String mailbox, Instant at) {
    Counter c = counters.get(key(accountId, mailbox));
    if (c == null) {
      return false;
    }
    synchronized (c) {
      return c.lockedUntil != null && c.lockedUntil.isAfter(at);
    }
  }

  /**
   * Counts a wrong PIN; true when it is the {@code max}-th in a row, which locks the mailbox until
   * {@code lockUntil} and starts the count again (as {@code Extension.recordPinFailure}).
   */
  public boolean failed(long accountId, String mailbox, int max, Instant at, Instant lockUntil) {
    if (counters.size() >= MAX_ENTRIES) {
      counters.values().removeIf(c -> c.expired(at));
    }
    Counter c = counters.computeIfAbsent(key(accountId, mailbox), k -> new Counter());
    synchronized (c) {
      c.failures++;
      if (c.failures >= max) {
        c.failures = 0;
        c.lockedUntil = lockUntil;
        return true;
      }
      return false;
    }
  }

  int tracked() {
    return counters.size();
  }

  private static final class Counter {
    private int failures;
    private Instant lockedUntil;

    synchronized boolean expired(Instant now) {
      return lockedUntil == null || !lockedUntil.isAfter(now);
    }
  }
}
