package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsageCapsTest {

  private static final UsageCaps PARENT = new UsageCaps(new BigDecimal("100.00"), null, 5000, 10);

  @Test
  void noCapsFitWithinAParentWithoutCaps() {
    assertThat(UsageCaps.NONE.exceeding(UsageCaps.NONE)).isEmpty();
  }

  @Test
  void capsAtOrBelowTheParentsFit() {
    UsageCaps child = new UsageCaps(new BigDecimal("100"), new BigDecimal("9999"), 5000, 3);
    assertThat(child.exceeding(PARENT)).isEmpty();
  }

  @Test
  void aCapAboveTheParentsIsNamed() {
    UsageCaps child = new UsageCaps(new BigDecimal("100.01"), null, 5000, 11);
    assertThat(child.exceeding(PARENT)).containsExactly("dailySpend", "concurrentCalls");
  }

  @Test
  void noCapWhereTheParentHasOneExceedsIt() {
    assertThat(UsageCaps.NONE.exceeding(PARENT))
        .containsExactly("dailySpend", "monthlyMinutes", "concurrentCalls");
  }

  @Test
  void onlyCapsThatRiseAboveTheParentsAreNamed() {
    UsageCaps before = new UsageCaps(new BigDecimal("150.00"), null, 6000, 8);
    UsageCaps after = new UsageCaps(new BigDecimal("120.00"), null, 6000, 12);
    // dailySpend falls (still above the parent's), minutes stay above it: only calls rise over it
    assertThat(after.raisedAbove(before, PARENT)).containsExactly("concurrentCalls");
    assertThat(before.raisedAbove(after, PARENT)).containsExactly("dailySpend");
  }

  @Test
  void droppingACapRaisesItAboveTheParentsCap() {
    UsageCaps before = new UsageCaps(null, null, 4000, null);
    assertThat(UsageCaps.NONE.raisedAbove(before, PARENT)).containsExactly("monthlyMinutes");
  }

  @Test
  void negativeAmountsAndTooManyDecimalsAreInvalid() {
    assertThat(new UsageCaps(new BigDecimal("-1"), null, null, null).isValid()).isFalse();
    assertThat(new UsageCaps(new BigDecimal("1.005"), null, null, null).isValid()).isFalse();
    assertThat(new UsageCaps(new BigDecimal("1.500"), null, null, null).isValid()).isTrue();
    assertThat(new UsageCaps(new BigDecimal("10000000000"), null, null, null).isValid()).isFalse();
    assertThat(new UsageCaps(null, null, -1, null).isValid()).isFalse();
    assertThat(PARENT.isValid()).isTrue();
  }
}
