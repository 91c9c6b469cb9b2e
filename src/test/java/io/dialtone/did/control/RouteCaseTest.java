package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;

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
}
