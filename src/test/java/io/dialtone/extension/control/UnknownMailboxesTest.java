package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Unknown mailboxes lock like real ones: 5 wrong in a row, 30 minutes, per account and number. */
class UnknownMailboxesTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Instant UNTIL = T0.plus(Duration.ofMinutes(VoicemailPins.LOCK_MINUTES));

  @Test
  void theFifthWrongPinInARowLocksForThirtyMinutes() {
    UnknownMailboxes mailboxes = new UnknownMailboxes();
    for (int i = 0; i < 4; i++) {
      assertThat(mailboxes.failed(42, "299", VoicemailPins.MAX_FAILURES, T0, UNTIL)).isFalse();
    }
    assertThat(mailboxes.locked(42, "299", T0)).isFalse();
    assertThat(mailboxes.failed(42, "299", VoicemailPins.MAX_FAILURES, T0, UNTIL)).isTrue();
    assertThat(mailboxes.locked(42, " 299 ", T0.plus(Duration.ofMinutes(29)))).isTrue();
    assertThat(mailboxes.locked(42, "299", UNTIL)).isFalse();
    assertThat(mailboxes.locked(43, "299", T0)).as("another account").isFalse();
    assertThat(mailboxes.locked(42, "298", T0)).as("another mailbox").isFalse();
    assertThat(mailboxes.failed(42, "299", VoicemailPins.MAX_FAILURES, UNTIL, UNTIL))
        .as("the count starts again after a lock")
        .isFalse();
  }

  @Test
  void oddMailboxTextIsKeptShort() {
    assertThat(UnknownMailboxes.shown(" 1234567890123456789 ")).isEqualTo("1234567890123456");
    assertThat(UnknownMailboxes.shown(null)).isEmpty();
    assertThat(UnknownMailboxes.key(7, "*98#")).isEqualTo("7:*98#");
  }
}
