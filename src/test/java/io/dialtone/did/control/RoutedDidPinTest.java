package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.extension.control.PinPolicy;
import io.dialtone.extension.control.PinViolation;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PIN rule the DIDs feed: a voicemail PIN may not hold the last digits of a number routed to
 * its extension, in whatever form the number was typed before it was normalized.
 */
class RoutedDidPinTest {

  private final PinPolicy policy = new PinPolicy();

  private List<PinViolation> check(String pin, List<String> routed) {
    return policy.check(pin, new ExtensionNumber("201"), routed, List.of(), (p, h) -> false);
  }

  @Test
  void theLastDigitsOfEveryRoutedNumberAreRefused() throws DidRefused {
    List<String> routed =
        List.of(
            DidNumbers.parse("(613) 555-0187", "CA").value(),
            DidNumbers.parse("01 23 45 67 89", "FR").value());
    assertThat(check("550187", routed)).containsExactly(PinViolation.DID_DIGITS);
    assertThat(check("6135550187", routed)).containsExactly(PinViolation.DID_DIGITS);
    assertThat(check("456789", routed)).contains(PinViolation.DID_DIGITS);
    assertThat(check("23456789", routed)).contains(PinViolation.DID_DIGITS);
    assertThat(check("739184", routed)).isEmpty();
  }

  @Test
  void withoutRoutedNumbersTheSamePinsAreFine() {
    assertThat(check("550187", List.of())).isEmpty();
    assertThat(check("23456789", List.of())).doesNotContain(PinViolation.DID_DIGITS);
  }
}
