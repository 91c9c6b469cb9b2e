package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoncesTest {

  private final SipFixtures.MutableClock clock =
      new SipFixtures.MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
  private final Nonces nonces =
      new Nonces(secret, Duration.ofSeconds(300), clock, new SecureRandom());

  @Test
  void everyChallengeGetsItsOwnNonce() {
    assertThat(nonces.issue()).isNotEqualTo(nonces.issue());
  }

  @Test
  void aFreshNonceIsValidAndStaleAfterItsLife() {
    String nonce = nonces.issue();
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
    clock.advance(Duration.ofSeconds(300));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
    clock.advance(Duration.ofSeconds(1));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void anAlteredOrForeignNonceIsInvalid() {
    String nonce = nonces.issue();
    char[] chars = nonce.toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    assertThat(nonces.check(new String(chars))).isEqualTo(Nonces.Check.INVALID);
    Nonces other =
        new Nonces(
            "another secret of 32 bytes......".getBytes(),
            Duration.ofSeconds(300),
            clock,
            new SecureRandom());
    assertThat(nonces.check(other.issue())).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("")).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check(null)).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("x".repeat(54))).isEqualTo(Nonces.Check.INVALID);
  }

  @Test
  void aNonceOfAnEarlierStartIsStale() {
    Nonces restarted = new Nonces(secret, Duration.ofSeconds(300), clock, new SecureRandom());
    assertThat(restarted.check(nonces.issue())).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void nonceCountsMustStrictlyIncrease() {
    String nonce = nonces.issue();
    assertThat(nonces.use(nonce, "00000001")).isTrue();
    assertThat(nonces.use(nonce, "00000001")).as("replay").isFalse();
    assertThat(nonces.use(nonce, "00000003")).isTrue();
    assertThat(nonces.use(nonce, "00000002")).as("lower").isFalse();
    assertThat(nonces.use(nonce, "0000000g")).isFalse();
    assertThat(nonces.use(nonce, "1")).isFalse();
    assertThat(nonces.use(nonce, "00000000")).isFalse();
    assertThat(nonces.use(nonces.issue(), "00000001")).as("another nonce").isTrue();
  }

  @Test
  void aNonceWhoseSlotANewerOneTookIsRefused() {
    String old = nonces.issue();
    for (int i = 1; i < Nonces.SLOTS; i++) {
      nonces.issue();
    }
    String newer = nonces.issue();
    assertThat(nonces.use(newer, "00000001")).isTrue();
    assertThat(nonces.use(old, "00000001")).isFalse();
  }
}
