package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.platform.control.Refusal.Explanation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void oneMessageCarriesItsKeyAndArguments() {
    Refusal refusal = new Refusal("dids.refused.invalid", "555-01", null);

    assertThat(refusal).isInstanceOf(RuntimeException.class);
    assertThat(refusal.messageKey()).isEqualTo("dids.refused.invalid");
    assertThat(refusal.arguments()).containsExactly("555-01", null);
    assertThat(refusal.explanations()).hasSize(1);
  }

  @Test
  void severalMessagesKeepTheirOrder() {
    Refusal refusal =
        new Refusal(
            List.of(
                Explanation.of("password.violation.TOO_SHORT"), Explanation.of("password.reused")));

    assertThat(refusal.explanations())
        .extracting(Explanation::key)
        .containsExactly("password.violation.TOO_SHORT", "password.reused");
    assertThat(refusal.messageKey()).isEqualTo("password.violation.TOO_SHORT");
  }

  @Test
  void aRefusalWithoutAnyExplanationIsAMistake() {
    assertThatThrownBy(() -> new Refusal(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
