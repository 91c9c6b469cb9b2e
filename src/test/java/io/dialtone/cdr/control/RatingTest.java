package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.cdr.entity.BillingIncrement;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.kernel.entity.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rating: longest prefix, billing increments, effective dates, unrated destinations. */
class RatingTest {

  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

  private static Rate rate(
      String prefix, String price, String increment, Instant from, Instant to) {
    return new Rate(
        prefix,
        null,
        Money.of(new BigDecimal(price), "CAD"),
        BillingIncrement.parse(increment),
        from,
        to);
  }

  @Test
  void theLongestPrefixWins() {
    RateTable table =
        new RateTable(
            List.of(
                rate("+44", "0.02", "60/60", JAN, null),
                rate("+447", "0.15", "60/60", JAN, null),
                rate("+4475", "0.30", "60/60", JAN, null)));

    assertThat(table.find("442079460000", "CAD", JUN))
        .get()
        .extracting(Rate::getPrefix)
        .isEqualTo("+44");
    assertThat(table.find("447700900000", "CAD", JUN))
        .get()
        .extracting(Rate::getPrefix)
        .isEqualTo("+447");
    assertThat(table.find("447512345678", "CAD", JUN))
        .get()
        .extracting(Rate::getPrefix)
        .isEqualTo("+4475");
  }

  @Test
  void unratedDestinationsAndOtherCurrenciesHaveNoRate() {
    RateTable table = new RateTable(List.of(rate("+44", "0.02", "60/60", JAN, null)));

    assertThat(table.find("33142685300", "CAD", JUN)).isEmpty();
    assertThat(table.find("442079460000", "USD", JUN)).isEmpty();
    assertThat(table.isRated("33142685300", JUN)).isFalse();
    assertThat(table.isRated("442079460000", JUN)).isTrue();
    assertThat(RateTable.EMPTY.isRated("442079460000", JUN)).isFalse();
  }

  @Test
  void effectiveDatesChooseThePriceAndAnExpiredLongPrefixGivesWayToAShorterOne() {
    Instant mar = Instant.parse("2026-03-01T00:00:00Z");
    RateTable table =
        new RateTable(
            List.of(
                rate("+1", "0.01", "6/6", JAN, null),
                rate("+1900", "1.00", "60/60", JAN, mar),
                rate("+1900", "2.00", "60/60", mar, null),
                rate("+1212", "0.005", "6/6", mar, null)));

    assertThat(table.find("19005550000", "CAD", JAN).orElseThrow().getPricePerMinute())
        .isEqualTo(Money.of(new BigDecimal("1.00"), "CAD"));
    assertThat(table.find("19005550000", "CAD", mar.minusNanos(1000)).orElseThrow().getPrefix())
        .isEqualTo("+1900");
    assertThat(table.find("19005550000", "CAD", mar).orElseThrow().getPricePerMinute())
        .isEqualTo(Money.of(new BigDecimal("2.00"), "CAD"));
    assertThat(table.find("12125550000", "CAD", JAN).orElseThrow().getPrefix()).isEqualTo("+1");
    assertThat(table.find("12125550000", "CAD", JUN).orElseThrow().getPrefix()).isEqualTo("+1212");
    assertThat(table.find("12125550000", "CAD", JAN.minusSeconds(1))).isEmpty();
  }

  @Test
  void perMinuteBillingRoundsEveryStartedMinuteUp() {
    Rate rate = rate("+44", "0.60", "60/60", JAN, null);

    assertThat(rate.cost(0).amount()).isEqualByComparingTo("0");
    assertThat(rate.cost(1).amount()).isEqualByComparingTo("0.60");
    assertThat(rate.cost(60).amount()).isEqualByComparingTo("0.60");
    assertThat(rate.cost(61).amount()).isEqualByComparingTo("1.20");
    assertThat(rate.cost(125).amount()).isEqualByComparingTo("1.80");
  }

  @Test
  void sixSecondBillingRoundsToSixSecondBlocks() {
    Rate rate = rate("+44", "0.60", "6/6", JAN, null);

    assertThat(rate.cost(1).amount()).isEqualByComparingTo("0.06");
    assertThat(rate.cost(6).amount()).isEqualByComparingTo("0.06");
    assertThat(rate.cost(7).amount()).isEqualByComparingTo("0.12");
    assertThat(rate.cost(61).amount()).isEqualByComparingTo("0.66");
  }

  @Test
  void perSecondBillingAndAMinimumFirstIncrement() {
    Rate perSecond = rate("+44", "0.60", "1/1", JAN, null);
    Rate minimum = rate("+44", "0.60", "30/6", JAN, null);

    assertThat(perSecond.cost(61).amount()).isEqualByComparingTo("0.61");
    assertThat(perSecond.cost(7).amount()).isEqualByComparingTo("0.07");
    assertThat(minimum.cost(5).amount()).isEqualByComparingTo("0.30");
    assertThat(minimum.cost(31).amount()).isEqualByComparingTo("0.36");
  }

  @Test
  void costsKeepFiveDecimalsRoundedHalfUp() {
    Rate rate = rate("+1", "0.01", "1/1", JAN, null);

    assertThat(rate.cost(7).amount()).isEqualByComparingTo("0.00117");
    assertThat(rate.cost(7).amount().scale()).isEqualTo(5);
    assertThat(rate.cost(7).currencyCode()).isEqualTo("CAD");
  }

  @Test
  void incrementsParseAndRefuseNonsense() {
    assertThat(BillingIncrement.parse("60/60")).isEqualTo(new BillingIncrement(60, 60));
    assertThat(BillingIncrement.parse(" 6/6 ").billedSeconds(7)).isEqualTo(12);
    for (String bad : new String[] {"", "60", "0/60", "60/0", "a/b", "60/60/60", "9999/1"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> BillingIncrement.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
