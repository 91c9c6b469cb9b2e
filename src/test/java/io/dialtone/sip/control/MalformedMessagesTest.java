package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.SipRequest.Peer;
import io.dialtone.sip.control.SipRequest.SipAddress;
import io.dialtone.sip.entity.BanReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages the codec could not read (SECURITY.md D4, D5, D8): each counts as a failure of its
 * source, so a source that keeps sending them is banned like one that keeps guessing passwords; a
 * scanner is banned at once whatever it sent; a banned or flooding source gets no answer; the
 * others get a plain 400.
 */
class MalformedMessagesTest {

  private final SipFixtures f = new SipFixtures();

  private static SipRequest unread(String ip, String userAgent) {
    SipAddress nobody = new SipAddress("", "");
    return new SipRequest(
        "REGISTER",
        "",
        nobody,
        nobody,
        "c1",
        0,
        List.of(),
        false,
        -1,
        List.of(),
        userAgent,
        new Peer(ip, 5060, "UDP"));
  }

  @Test
  void aMalformedMessageGetsAPlain400() {
    SipAnswer answer = f.service.malformed(unread("203.0.113.40", "Phone/1.0"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers()).isEmpty();
  }

  @Test
  void tenMalformedMessagesBanTheirSourceAndTheNextGetsNothing() {
    for (int i = 0; i < 9; i++) {
      assertThat(f.service.malformed(unread("203.0.113.41", "Phone/1.0")).status()).isEqualTo(400);
    }
    assertThat(f.guard.banned("203.0.113.41")).isFalse();
    assertThat(f.service.malformed(unread("203.0.113.41", "Phone/1.0")).dropped()).isTrue();
    assertThat(f.guard.current())
        .singleElement()
        .satisfies(ban -> assertThat(ban.reason()).isEqualTo(BanReason.MALFORMED));
    assertThat(f.service.mayConnect("203.0.113.41")).isFalse();
    assertThat(f.service.mayConnect("203.0.113.42")).isTrue();
  }

  @Test
  void aScannerIsBannedAtOnceEvenWhenItsMessageIsBroken() {
    assertThat(f.service.malformed(unread("203.0.113.43", "friendly-scanner")).dropped()).isTrue();
    assertThat(f.guard.current())
        .singleElement()
        .satisfies(ban -> assertThat(ban.reason()).isEqualTo(BanReason.SCANNER));
  }

  @Test
  void malformedMessagesCountTowardsTheRateCeiling() {
    int ceiling = f.guard.rules.ratePerSecond();
    for (int i = 0; i < ceiling + 1; i++) {
      f.service.malformed(unread("203.0.113.44", "Phone/1.0"));
    }
    assertThat(f.service.readable("203.0.113.44")).as("flooding: not even read").isFalse();
    assertThat(f.service.readable("203.0.113.45")).isTrue();
  }
}
