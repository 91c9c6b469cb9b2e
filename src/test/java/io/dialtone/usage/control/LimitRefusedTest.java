package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.platform.control.Refusal;
import io.dialtone.usage.entity.UsageCap;
import org.junit.jupiter.api.Test;

class LimitRefusedTest {

  @Test
  void aCapArgumentIsShownAsItsTranslatedLabel() {
    LimitRefused refused =
        new LimitRefused("usage.limitAboveGranted", UsageCap.DAILY_SPEND, "50.00");

    assertThat(refused).isInstanceOf(Refusal.class);
    assertThat(refused.arguments())
        .containsExactly(new Refusal.Label(UsageCap.DAILY_SPEND.messageKey()), "50.00");
  }
}
