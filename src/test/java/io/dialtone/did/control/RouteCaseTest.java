package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ExtensionReach;
import io.dialtone.extension.control.RegisteredPhone;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the DID page says happens to a call now, from the account, extension and destination. */
class RouteCaseTest {

  private static final RegisteredPhone PHONE =
      new RegisteredPhone("sip:201@192.0.2.7:5062", "TCP", Instant.parse("2026-12-07T10:00:00Z"));

  private static Optional<ExtensionReach> extension(boolean enabled, RegisteredPhone... phones) {
    return Optional.of(
        new ExtensionReach(
            new ExtensionNumber("201"), "Desk", enabled, null, null, List.of(phones)));
  }

  @Test
  void aSuspendedAccountAnswersNothingWhateverTheRoute() {
    assertThat(RouteCase.of(false, extension(true, PHONE), "202"))
        .isEqualTo(RouteCase.ACCOUNT_SUSPENDED);
  }

  @Test
  void withoutAnExtensionTheContinuityDestinationTakesEveryCallOrNothingDoes() {
    assertThat(RouteCase.of(true, Optional.empty(), null)).isEqualTo(RouteCase.NO_ROUTE);
    assertThat(RouteCase.of(true, Optional.empty(), "202")).isEqualTo(RouteCase.CONTINUITY_ONLY);
  }

  @Test
  void aDisabledExtensionRingsNothing() {
    assertThat(RouteCase.of(true, extension(false, PHONE), null))
        .isEqualTo(RouteCase.EXTENSION_DISABLED);
    assertThat(RouteCase.of(true, extension(false, PHONE), "+15145550100"))
        .isEqualTo(RouteCase.EXTENSION_DISABLED_CONTINUITY);
  }

  @Test
  void anEnabledExtensionRingsItsRegisteredPhonesIfAny() {
    assertThat(RouteCase.of(true, extension(true), "202")).isEqualTo(RouteCase.NOT_REGISTERED);
    assertThat(RouteCase.of(true, extension(true, PHONE), null)).isEqualTo(RouteCase.RINGS);
  }

  private static ExtensionReach member(String number, boolean enabled, RegisteredPhone... phones) {
    return new ExtensionReach(
        new ExtensionNumber(number), "Desk " + number, enabled, null, null, List.of(phones));
  }

  @Test
  void aRingGroupRingsWhenAnEnabledMemberHasAPhone() {
    RingGroupNow some =
        new RingGroupNow(
            "Sales",
            RingStrategy.IN_ORDER,
            15,
            List.of(member("201", true), member("202", true, PHONE)));
    assertThat(RouteCase.ofGroup(true, some)).isEqualTo(RouteCase.RING_GROUP);
    assertThat(RouteCase.ofGroup(false, some)).isEqualTo(RouteCase.ACCOUNT_SUSPENDED);

    RingGroupNow none =
        new RingGroupNow(
            "Sales",
            RingStrategy.SIMULTANEOUS,
            15,
            List.of(member("201", true), member("202", false, PHONE)));
    assertThat(RouteCase.ofGroup(true, none))
        .as("a disabled member's phone rings nothing")
        .isEqualTo(RouteCase.RING_GROUP_NOT_REGISTERED);
  }

  @Test
  void aGroupInOrderRingsItsRingTimeForEachMemberWithAPhoneBeforeTheContinuity() {
    List<ExtensionReach> members =
        List.of(member("201", true, PHONE), member("202", true), member("203", true, PHONE));
    assertThat(new RingGroupNow("Sales", RingStrategy.IN_ORDER, 15, members).totalRingSeconds())
        .isEqualTo(30);
    assertThat(new RingGroupNow("Sales", RingStrategy.SIMULTANEOUS, 15, members).totalRingSeconds())
        .isEqualTo(15);
  }
}
