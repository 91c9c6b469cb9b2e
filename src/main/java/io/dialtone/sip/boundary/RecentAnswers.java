package io.dialtone.sip.boundary;

import io.dialtone.sip.control.SipAnswer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a server transaction would remember, without one per request: the answer (and To tag) sent
 * to each recent request, by transaction key (RFC 3261 §17.2.3: the top Via branch, the method and
 * the sender), so a retransmitted request gets the very same answer — the same challenge nonce, the
 * same 200 — instead of being handled again (where its spent nonce-count would look like a replay).
 * A retransmission that arrives while the first copy is still being answered is dropped; the first
 * copy's answer serves both.
 *
 * <p>A fixed table of {@value #SLOTS} slots, a key going to one of two neighbouring slots by its
 * hash: no timers, nothing to sweep, memory bounded whatever the load. An entry is forgotten after
 * {@link #LIFETIME_NANOS} (Timer J, 64 × T1 = 32 s) or when a newer request takes the older of its
 * two slots; at 5,000 requests per second that is after about 3 s, past the first two
 * retransmissions of a UDP request whose answer was lost (0.5 and 1.5 s after it), and few entries
 * live long enough for the collector to copy them again and again. A forgotten retransmission is
 * handled as a new request, which is what a stateless registrar (Kamailio's) does for every one.
 * Thread-safe, lock-free.
 */
final class RecentAnswers {

  static final int SLOTS = 1 << 14;
  static final long LIFETIME_NANOS = 32_000_000_000L;

  /** One request's memory; {@code answer} is null while it is being answered. */
  record Entry(String key, long at, SipAnswer answer, String toTag) {
    boolean inFlight() {
      return answer == null;
    }
  }

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

  /**
   * Claims {@code key} for a request received at {@code now} (nanoseconds, {@link
   * System#nanoTime}): null when it is new (the caller answers it, then calls {@link #answered}),
   * else the entry of the earlier copy — in flight (drop this one) or answered (send the same
   * answer again).
   */
  Entry claim(String key, long now) {
    int first = slot(key);
    int second = first ^ 1;
    Entry claimed = new Entry(key, now, null, null);
    while (true) {
      Entry one = slots.get(first);
      Entry two = slots.get(second);
      if (same(one, key, now)) {
        return one;
      }
      if (same(two, key, now)) {
        return two;
      }
      // the older of the two slots makes room: a busy neighbour does not evict a fresh entry
      boolean takeFirst = one == null || (two != null && one.at() - two.at() <= 0);
      if (takeFirst
          ? slots.compareAndSet(first, one, claimed)
          : slots.compareAndSet(second, two, claimed)) {
        return null;
      }
    }
  }

  private static boolean same(Entry entry, String key, long now) {
    return entry != null && now - entry.at() < LIFETIME_NANOS && entry.key().equals(key);
  }

  /** Remembers the answer sent to the request that claimed {@code key}. */
  void answered(String key, SipAnswer answer, String toTag) {
    replaceInFlight(key, answer, toTag);
  }

  /** Forgets {@code key} while still in flight (its request could not be answered). */
  void release(String key) {
    replaceInFlight(key, null, null);
  }

  private void replaceInFlight(String key, SipAnswer answer, String toTag) {
    int first = slot(key);
    for (int slot : new int[] {first, first ^ 1}) {
      Entry current = slots.get(slot);
      if (current != null && current.inFlight() && current.key().equals(key)) {
        slots.compareAndSet(
            slot, current, answer == null ? null : new Entry(key, current.at(), answer, toTag));
        return;
      }
    }
  }

  private static int slot(String key) {
    int h = key.hashCode() * 0x9E3779B9; // Fibonacci hashing: the high bits mix every character
    return h >>> (32 - Integer.numberOfTrailingZeros(SLOTS));
  }
}
