package io.dialtone.extension.control;

import java.time.Duration;

/**
 * When the voicemail system's PIN checks from one caller source are refused ({@link
 * PinSourceGuard}): {@code failures} wrong PINs within {@code window}, whatever the mailboxes,
 * refuse that source for {@code refuseFor}.
 *
 * @param failures failed checks from one source within {@code window} that refuse it (at least 1)
 * @param window the counting window
 * @param refuseFor how long the source is refused
 */
public record PinSourceRules(int failures, Duration window, Duration refuseFor) {

  /** Documented defaults: 20 failed checks within 10 minutes refuse the source for 15 minutes. */
  public static PinSourceRules defaults() {
    return of(20, 10, 15);
  }

  /** Rules from settings in minutes; values below 1 are raised to 1. */
  public static PinSourceRules of(int failures, int windowMinutes, int refuseMinutes) {
    return new PinSourceRules(
        Math.max(1, failures),
        Duration.ofMinutes(Math.max(1, windowMinutes)),
        Duration.ofMinutes(Math.max(1, refuseMinutes)));
  }
}
