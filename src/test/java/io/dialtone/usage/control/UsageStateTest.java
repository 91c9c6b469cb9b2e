package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageStateTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  static UsageState state(UsageCaps granted, UsageCaps working) {
    return new UsageState(
        42,
        ZoneId.of("America/Toronto"),
        "CAD",
        new CapSet(granted, working),
        Map.of("201", 1),
        DAY,
        new BigDecimal("10.00"),
        new BigDecimal("100.00"),
        300);
  }

  @Test
  void aCallOfTheDayCountsForTheDayAndTheMonth() {
    UsageState state = state(UsageCaps.NONE, UsageCaps.NONE);

    state.add(DAY, new BigDecimal("1.25"), 3);

    assertThat(state.used(UsageCap.DAILY_SPEND)).isEqualByComparingTo("11.25");
    assertThat(state.used(UsageCap.MONTHLY_SPEND)).isEqualByComparingTo("101.25");
    assertThat(state.used(UsageCap.MONTHLY_MINUTES)).isEqualByComparingTo("303");
  }

  @Test
  void aLateRecordOfAnEarlierDayCountsForTheMonthOnlyAndOneOfALaterDayWaitsForTheReload() {
    UsageState state = state(UsageCaps.NONE, UsageCaps.NONE);

    state.add(DAY.minusDays(2), new BigDecimal("2.00"), 5);
    state.add(DAY.minusMonths(1), new BigDecimal("7.00"), 7);
    state.add(DAY.plusDays(1), new BigDecimal("9.00"), 9);

    assertThat(state.used(UsageCap.DAILY_SPEND)).isEqualByComparingTo("10.00");
    assertThat(state.used(UsageCap.MONTHLY_SPEND)).isEqualByComparingTo("102.00");
    assertThat(state.used(UsageCap.MONTHLY_MINUTES)).isEqualByComparingTo("305");
  }

  @Test
  void theFirstPeriodicCapReachedIsNamed() {
    assertThat(state(UsageCaps.NONE, UsageCaps.NONE).reachedCap()).isNull();
    assertThat(state(new UsageCaps(new BigDecimal("10.01"), null, 301, null), null).reachedCap())
        .isNull();
    assertThat(state(new UsageCaps(new BigDecimal("10.00"), null, null, null), null).reachedCap())
        .isEqualTo(UsageCap.DAILY_SPEND);
    assertThat(
            state(UsageCaps.NONE, new UsageCaps(null, new BigDecimal("100.00"), null, null))
                .reachedCap())
        .isEqualTo(UsageCap.MONTHLY_SPEND);
    assertThat(state(new UsageCaps(null, null, 300, 0), null).reachedCap())
        .isEqualTo(UsageCap.MONTHLY_MINUTES);
  }

  @Test
  void theDayIsTheAccountsCalendarDay() {
    UsageState state = state(UsageCaps.NONE, UsageCaps.NONE);
    // 03:00 UTC on the 29th is still the 28th in Toronto
    assertThat(state.dayOf(Instant.parse("2026-11-29T03:00:00Z"))).isEqualTo(DAY);
    assertThat(state.dayOf(Instant.parse("2026-11-29T06:00:00Z"))).isEqualTo(DAY.plusDays(1));
  }
}
