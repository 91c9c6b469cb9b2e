package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void eightyAndHundredPercentAreReachedExactlyAtTheirAmount() {
    BigDecimal cap = new BigDecimal("50.00");

    assertThat(Thresholds.reached(new BigDecimal("39.99"), cap)).isEmpty();
    assertThat(Thresholds.reached(new BigDecimal("40.00"), cap)).containsExactly(80);
    assertThat(Thresholds.reached(new BigDecimal("49.99"), cap)).containsExactly(80);
    assertThat(Thresholds.reached(new BigDecimal("50.00"), cap)).containsExactly(80, 100);
    assertThat(Thresholds.reached(new BigDecimal("75.00"), cap)).containsExactly(80, 100);
  }

  @Test
  void aCapOfZeroOrNoneRaisesNoAlert() {
    assertThat(Thresholds.reached(BigDecimal.TEN, BigDecimal.ZERO)).isEmpty();
    assertThat(Thresholds.reached(BigDecimal.TEN, null)).isEmpty();
  }

  @Test
  void aCapIsReachedAtItsAmountAndAZeroCapAtOnce() {
    assertThat(Thresholds.atCap(new BigDecimal("9.99"), BigDecimal.TEN)).isFalse();
    assertThat(Thresholds.atCap(BigDecimal.TEN, new BigDecimal("10.00"))).isTrue();
    assertThat(Thresholds.atCap(BigDecimal.ZERO, BigDecimal.ZERO)).isTrue();
    assertThat(Thresholds.atCap(BigDecimal.TEN, null)).isFalse();
  }
}
