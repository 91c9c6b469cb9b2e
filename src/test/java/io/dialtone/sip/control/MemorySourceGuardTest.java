package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.entity.BanReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guard's thresholds (SECURITY.md D4, D5), with the documented defaults. */
class MemorySourceGuardTest {

  private final SipFixtures f = new SipFixtures();
  private final MemorySourceGuard guard = f.guard;

  @Test
  void tenFailuresWithinTenMinutesBanForFifteen() {
    for (int i = 0; i < 9; i++) {
      guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
    }
    assertThat(guard.admit("203.0.113.5")).isTrue();
    guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
    assertThat(guard.admit("203.0.113.5")).isFalse();
    assertThat(guard.current())
        .singleElement()
        .satisfies(
            ban -> {
              assertThat(ban.reason()).isEqualTo(BanReason.DIGEST_FAILURES);
              assertThat(Duration.between(ban.since(), ban.until()))
                  .isEqualTo(Duration.ofMinutes(15));
            });
    assertThat(f.events).singleElement().isInstanceOf(SourceBanned.class);
    assertThat(guard.admit("203.0.113.6")).as("another address").isTrue();
    f.clock.advance(Duration.ofMinutes(15));
    assertThat(guard.admit("203.0.113.5")).isTrue();
    assertThat(guard.current()).isEmpty();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotBan() {
    for (int i = 0; i < 20; i++) {
      guard.digestFailed("203.0.113.5", SipFixtures.REALM, "299");
      f.clock.advance(Duration.ofMinutes(2));
    }
    assertThat(guard.banned("203.0.113.5")).isFalse();
  }

  @Test
  void aBurstAgainstOneExtensionFromManyAddressesAlertsOncePerWindow() {
    for (int i = 0; i < 45; i++) {
      guard.digestFailed("198.51.100." + i, SipFixtures.REALM, SipFixtures.USER);
    }
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            FailureBurst.class,
            burst -> {
              assertThat(burst.extensionId()).isEqualTo(7L);
              assertThat(burst.extensionNumber()).isEqualTo("201");
              assertThat(burst.failures()).isEqualTo(20);
            });
    assertThat(guard.banned("198.51.100.1")).isFalse();
    f.clock.advance(Duration.ofMinutes(11));
    for (int i = 0; i < 20; i++) {
      guard.digestFailed("198.51.100." + i, SipFixtures.REALM, SipFixtures.USER);
    }
    assertThat(f.events).hasSize(2);
  }

  @Test
  void aSourceOverTheRateCeilingIsDroppedAndFiveTimesOverIsBanned() {
    for (int i = 0; i < 200; i++) {
      assertThat(guard.admit("192.0.2.50")).isTrue();
    }
    assertThat(guard.admit("192.0.2.50")).isFalse();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(guard.admit("192.0.2.50")).isTrue();
    for (int i = 0; i < 1000; i++) {
      guard.admit("192.0.2.50");
    }
    assertThat(guard.current())
        .singleElement()
        .satisfies(ban -> assertThat(ban.reason()).isEqualTo(BanReason.FLOOD));
  }

  @Test
  void aScannerIsBannedOnceAndALiftForgetsIt() {
    guard.scannerSeen("192.0.2.66", "friendly-scanner");
    guard.scannerSeen("192.0.2.66", "friendly-scanner");
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            SourceBanned.class,
            e -> {
              assertThat(e.ban().reason()).isEqualTo(BanReason.SCANNER);
              assertThat(e.lastUserAgent()).isEqualTo("friendly-scanner");
            });
    assertThat(guard.lift("192.0.2.66")).isTrue();
    assertThat(guard.lift("192.0.2.66")).isFalse();
    assertThat(guard.admit("192.0.2.66")).isTrue();
  }
}
