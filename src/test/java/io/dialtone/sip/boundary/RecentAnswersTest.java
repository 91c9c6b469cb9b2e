package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.SipAnswer;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

  private final RecentAnswers recent = new RecentAnswers();

  @Test
  void aNewRequestIsClaimedThenItsRetransmissionSeesItInFlight() {
    assertThat(recent.claim("z9hG4bK-1 REGISTER 192.0.2.1:5060", 0)).isNull();

    RecentAnswers.Entry earlier = recent.claim("z9hG4bK-1 REGISTER 192.0.2.1:5060", 1_000);

    assertThat(earlier).isNotNull();
    assertThat(earlier.inFlight()).isTrue();
  }

  @Test
  void aRetransmissionGetsTheAnswerAndTagOfItsFirstCopy() {
    SipAnswer challenge = SipAnswer.of(401, new SipAnswer.Header("WWW-Authenticate", "Digest x"));
    recent.claim("b1 REGISTER 192.0.2.1:5060", 0);
    recent.answered("b1 REGISTER 192.0.2.1:5060", challenge, "tag1");

    RecentAnswers.Entry earlier = recent.claim("b1 REGISTER 192.0.2.1:5060", 500_000_000L);

    assertThat(earlier.answer()).isSameAs(challenge);
    assertThat(earlier.toTag()).isEqualTo("tag1");
  }

  @Test
  void theSameBranchFromAnotherSenderOrMethodIsAnotherRequest() {
    recent.claim("b1 REGISTER 192.0.2.1:5060", 0);
    recent.answered("b1 REGISTER 192.0.2.1:5060", SipAnswer.of(200), "t");

    assertThat(recent.claim("b1 REGISTER 192.0.2.66:5060", 1)).isNull();
    assertThat(recent.claim("b1 OPTIONS 192.0.2.1:5060", 1)).isNull();
  }

  @Test
  void anEntryIsForgottenAfterTimerJ() {
    recent.claim("b1 REGISTER 192.0.2.1:5060", 0);
    recent.answered("b1 REGISTER 192.0.2.1:5060", SipAnswer.of(200), "t");

    assertThat(recent.claim("b1 REGISTER 192.0.2.1:5060", RecentAnswers.LIFETIME_NANOS)).isNull();
  }

  @Test
  void aReleasedRequestIsHandledAgainWhenRetransmitted() {
    recent.claim("b1 REGISTER 192.0.2.1:5060", 0);
    recent.release("b1 REGISTER 192.0.2.1:5060");

    assertThat(recent.claim("b1 REGISTER 192.0.2.1:5060", 1)).isNull();
  }

  @Test
  void anAnsweredEntryIsNotReleased() {
    recent.claim("b1 REGISTER 192.0.2.1:5060", 0);
    recent.answered("b1 REGISTER 192.0.2.1:5060", SipAnswer.of(200), "t");
    recent.release("b1 REGISTER 192.0.2.1:5060");

    assertThat(recent.claim("b1 REGISTER 192.0.2.1:5060", 1).answer().status()).isEqualTo(200);
  }

  @Test
  void manyOtherRequestsMostlyLeaveAFreshEntryInPlace() {
    int kept = 0;
    for (int round = 0; round < 100; round++) {
      String key = "probe-" + round + " REGISTER 192.0.2.1:5060";
      recent.claim(key, round);
      recent.answered(key, SipAnswer.of(200), "t");
      for (int other = 0; other < 1_000; other++) {
        recent.claim("z9hG4bK-" + round + "-" + other + " REGISTER 192.0.2.2:5060", round);
      }
      RecentAnswers.Entry found = recent.claim(key, round);
      kept += found != null && !found.inFlight() ? 1 : 0;
    }
    // a thousand newer requests in a table of 16,384 slots, two per key: almost never evicted
    assertThat(kept).isGreaterThanOrEqualTo(95);
  }
}
