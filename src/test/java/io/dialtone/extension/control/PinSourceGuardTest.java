package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-source limit on voicemail PIN checks: documented defaults, window, refusal, keys. */
class PinSourceGuardTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static PinSourceGuard guard(PinSourceRules rules) {
    PinSourceGuard guard = new PinSourceGuard();
    guard.rules = rules;
    return guard;
  }

  @Test
  void theDefaultsAreTwentyFailuresInTenMinutesRefusingFifteen() {
    assertThat(PinSourceRules.defaults())
        .isEqualTo(new PinSourceRules(20, Duration.ofMinutes(10), Duration.ofMinutes(15)));
    assertThat(PinSourceRules.of(0, -3, 0))
        .isEqualTo(new PinSourceRules(1, Duration.ofMinutes(1), Duration.ofMinutes(1)));
  }

  @Test
  void theTwentiethFailureWithinTheWindowRefusesTheSourceForFifteenMinutes() {
    PinSourceGuard guard = guard(PinSourceRules.defaults());
    for (int i = 0; i < 19; i++) {
      assertThat(guard.failed("sip:203.0.113.9", T0.plusSeconds(i * 30L))).isFalse();
      assertThat(guard.refused("sip:203.0.113.9", T0.plusSeconds(i * 30L))).isFalse();
    }
    Instant twentieth = T0.plusSeconds(19 * 30L);
    assertThat(guard.failed("sip:203.0.113.9", twentieth)).as("starts the refusal").isTrue();
    assertThat(guard.refused("sip:203.0.113.9", twentieth)).isTrue();
    assertThat(guard.failed("sip:203.0.113.9", twentieth.plusSeconds(1)))
        .as("audited once, not again while refused")
        .isFalse();
    assertThat(guard.refused("sip:203.0.113.9", twentieth.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(guard.refused("sip:203.0.113.9", twentieth.plus(Duration.ofMinutes(15)))).isFalse();
    assertThat(guard.refused("sip:198.51.100.1", twentieth)).as("other sources").isFalse();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    PinSourceGuard guard = guard(PinSourceRules.of(3, 10, 15));
    guard.failed("+15145550100", T0);
    guard.failed("+15145550100", T0.plus(Duration.ofMinutes(5)));
    assertThat(guard.failed("+15145550100", T0.plus(Duration.ofMinutes(10)).plusSeconds(1)))
        .as("the first left the window")
        .isFalse();
    assertThat(guard.failed("+15145550100", T0.plus(Duration.ofMinutes(11)))).isTrue();
    assertThat(guard.refused("+15145550100", T0.plus(Duration.ofMinutes(11)))).isTrue();
  }

  @Test
  void sourcesAreStrippedAndCutAndNullIsOneSource() {
    String longSource = "x".repeat(300);
    assertThat(PinSourceGuard.key("  +15145550100 ")).isEqualTo("+15145550100");
    assertThat(PinSourceGuard.key(longSource)).hasSize(PinSourceGuard.SOURCE_MAX);
    assertThat(PinSourceGuard.key(null)).isEmpty();
    PinSourceGuard guard = guard(PinSourceRules.of(2, 10, 15));
    guard.failed(longSource, T0);
    assertThat(guard.failed(longSource + "different tail", T0)).isTrue();
    assertThat(guard.trackedSources()).isEqualTo(1);
    guard.failed(null, T0);
    assertThat(guard.failed(" ", T0)).isTrue();
    guard.clear();
    assertThat(guard.refused(null, T0)).isFalse();
  }

  @Test
  void idleSourcesAreSweptOnceThereAreMany() {
    PinSourceGuard guard = guard(PinSourceRules.of(5, 10, 15));
    for (int i = 0; i <= PinSourceGuard.SWEEP_THRESHOLD; i++) {
      guard.failed("source-" + i, T0);
    }
    assertThat(guard.trackedSources()).isEqualTo(PinSourceGuard.SWEEP_THRESHOLD + 1);
    guard.failed("late", T0.plus(Duration.ofMinutes(11)));
    assertThat(guard.trackedSources()).isEqualTo(1);
  }
}
