package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImpersonationReasonTest {

  @Test
  void aReasonIsTrimmed() throws ImpersonationRefused {
    assertThat(ImpersonationReason.checked("  TICKET-1234 \n")).isEqualTo("TICKET-1234");
  }

  @Test
  void threeToTwoHundredCharactersAreAccepted() throws ImpersonationRefused {
    assertThat(ImpersonationReason.checked("T-1")).isEqualTo("T-1");
    assertThat(ImpersonationReason.checked("é".repeat(200))).hasSize(200);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "ab", "  ab  "})
  void aMissingOrTooShortReasonIsRefused(String reason) {
    assertThatThrownBy(() -> ImpersonationReason.checked(reason))
        .isInstanceOf(ImpersonationRefused.class)
        .extracting(e -> ((ImpersonationRefused) e).messageKey())
        .isEqualTo("support_act.reasonInvalid");
  }

  @Test
  void aTooLongReasonIsRefused() {
    assertThatThrownBy(() -> ImpersonationReason.checked("x".repeat(201)))
        .isInstanceOf(ImpersonationRefused.class);
  }

  @Test
  void theTimeBoxIsAtMostSixtyMinutesAndAtLeastOne() {
    assertThat(ImpersonationPolicy.clamp(60)).isEqualTo(60);
    assertThat(ImpersonationPolicy.clamp(15)).isEqualTo(15);
    assertThat(ImpersonationPolicy.clamp(61)).isEqualTo(60);
    assertThat(ImpersonationPolicy.clamp(10_000)).isEqualTo(60);
    assertThat(ImpersonationPolicy.clamp(0)).isEqualTo(1);
    assertThat(ImpersonationPolicy.clamp(-5)).isEqualTo(1);
  }
}
