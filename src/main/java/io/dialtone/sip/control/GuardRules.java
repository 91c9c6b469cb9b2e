package io.dialtone.sip.control;

import java.time.Duration;

/**
 * The source guard's thresholds (SECURITY.md D4).
 *
 * @param failures digest failures from one address within {@code window} that ban it
 * @param window the counting window of failures (per address and per extension)
 * @param banFor how long a ban lasts
 * @param ratePerSecond requests per second one address may send; 0 means no ceiling
 * @param burstFailures failures against one extension within {@code window} that raise {@link
 *     FailureBurst}
 */
public record GuardRules(
    int failures, Duration window, Duration banFor, int ratePerSecond, int burstFailures) {

  /** The documented defaults: 10 failures in 10 minutes ban for 15 minutes; 200 requests/s. */
  public static GuardRules defaults() {
    return new GuardRules(10, Duration.ofMinutes(10), Duration.ofMinutes(15), 200, 20);
  }
}
