package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SECURITY.md C6: a step-up counts 5 minutes, for the sign-in it was made in only. */
class StepUpMarkTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-11-28T08:00:00Z");
  private static final Instant STEPPED_UP = SIGNED_IN.plus(Duration.ofMinutes(20));
  private final SignedInUser caller = user(42, SIGNED_IN);
  private final StepUpMark mark =
      StepUpMark.of(caller, Clock.fixed(STEPPED_UP, ZoneOffset.UTC).instant());

  @Test
  void countsFromTheStepUpUntilJustBeforeFiveMinutes() {
    assertThat(mark.isRecentFor(caller, at(Duration.ZERO))).isTrue();
    assertThat(mark.isRecentFor(caller, at(Duration.ofMinutes(4).plusSeconds(59)))).isTrue();
    assertThat(mark.isRecentFor(caller, at(Duration.ofMinutes(5).minusMillis(1)))).isTrue();
  }

  @Test
  void expiresAtFiveMinutes() {
    assertThat(mark.validUntil()).isEqualTo(STEPPED_UP.plus(Duration.ofMinutes(5)));
    assertThat(mark.isRecentFor(caller, at(Duration.ofMinutes(5)))).isFalse();
    assertThat(mark.isRecentFor(caller, at(Duration.ofMinutes(6)))).isFalse();
    assertThat(mark.isRecentFor(caller, at(Duration.ofHours(3)))).isFalse();
  }

  @Test
  void aClockGoingBackwardsDoesNotExtendIt() {
    assertThat(mark.isRecentFor(caller, at(Duration.ofSeconds(-1)))).isFalse();
  }

  @Test
  void aNewSignInOrAnotherUserDoesNotInheritIt() {
    SignedInUser sameUserSignedInAgain = user(42, STEPPED_UP.plusSeconds(30));
    SignedInUser otherUser = user(43, SIGNED_IN);

    assertThat(mark.isRecentFor(sameUserSignedInAgain, at(Duration.ofMinutes(1)))).isFalse();
    assertThat(mark.isRecentFor(otherUser, at(Duration.ofMinutes(1)))).isFalse();
    assertThat(mark.isRecentFor(null, at(Duration.ofMinutes(1)))).isFalse();
  }

  @Test
  void itDoesNotCrossIntoAnImpersonation() {
    SignedInUser impersonating =
        new SignedInUser(
            42,
            "u42@example.test",
            "U",
            99L,
            Set.of(Role.CUSTOMER_ADMIN),
            SIGNED_IN,
            3L,
            new Impersonation(
                caller, "Customer", "T-1", STEPPED_UP, STEPPED_UP.plus(Duration.ofHours(1))));

    assertThat(mark.isRecentFor(impersonating, at(Duration.ofMinutes(1)))).isFalse();
  }

  @Test
  void aCredentialChangeInTheSameSessionKeepsIt() {
    SignedInUser afterOwnChange = caller.withSessionEpoch(caller.sessionEpoch() + 1);

    assertThat(mark.isRecentFor(afterOwnChange, at(Duration.ofMinutes(2)))).isTrue();
  }

  private static Instant at(Duration afterStepUp) {
    return Clock.offset(Clock.fixed(STEPPED_UP, ZoneOffset.UTC), afterStepUp).instant();
  }

  private static SignedInUser user(long id, Instant authenticatedAt) {
    return new SignedInUser(
        id,
        "u" + id + "@example.test",
        "U",
        7L,
        Set.of(Role.CUSTOMER_USER),
        authenticatedAt,
        3L,
        null);
  }
}
