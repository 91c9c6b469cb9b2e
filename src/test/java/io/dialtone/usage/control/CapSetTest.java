package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CapSetTest {

  private static final UsageCaps GRANTED =
      new UsageCaps(new BigDecimal("50.00"), new BigDecimal("1000.00"), 5000, 10);

  @Test
  void theLowerOfGrantedAndOwnLimitApplies() {
    CapSet caps = new CapSet(GRANTED, new UsageCaps(new BigDecimal("20.00"), null, 6000, 4));

    assertThat(caps.effective(UsageCap.DAILY_SPEND)).isEqualByComparingTo("20.00");
    assertThat(caps.effective(UsageCap.MONTHLY_SPEND)).isEqualByComparingTo("1000.00");
    assertThat(caps.effective(UsageCap.MONTHLY_MINUTES)).isEqualByComparingTo("5000");
    assertThat(caps.effective(UsageCap.CONCURRENT_CALLS)).isEqualByComparingTo("4");
    assertThat(caps.effective())
        .isEqualTo(new UsageCaps(new BigDecimal("20.00"), new BigDecimal("1000.00"), 5000, 4));
  }

  @Test
  void withoutAnyCapNothingApplies() {
    assertThat(CapSet.NONE.effective()).isEqualTo(UsageCaps.NONE);
    assertThat(new CapSet(null, null).effective(UsageCap.DAILY_SPEND)).isNull();
    assertThat(
            new CapSet(UsageCaps.NONE, new UsageCaps(null, null, 30, null))
                .effective(UsageCap.MONTHLY_MINUTES))
        .isEqualByComparingTo("30");
  }

  @Test
  void ownLimitsAboveAGrantedCapAreNamed() {
    UsageCaps own = new UsageCaps(new BigDecimal("50.01"), new BigDecimal("1000.00"), null, 11);

    assertThat(CapSet.aboveGranted(own, GRANTED))
        .containsExactly(UsageCap.DAILY_SPEND, UsageCap.CONCURRENT_CALLS);
    assertThat(CapSet.aboveGranted(own, UsageCaps.NONE)).isEmpty();
    assertThat(CapSet.aboveGranted(UsageCaps.NONE, GRANTED)).isEmpty();
  }
}
