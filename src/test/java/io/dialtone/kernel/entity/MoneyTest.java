package io.dialtone.kernel.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void anAmountHasAtLeastItsCurrencysScaleAndKeepsFinerDigits() {
    assertThat(Money.of("1.5", "CAD").amount()).isEqualByComparingTo("1.50").hasToString("1.50");
    assertThat(Money.of("7", "JPY").amount()).hasToString("7");
    assertThat(Money.of("0.00833", "CAD").amount()).hasToString("0.00833");
    assertThat(Money.of("1.5", "CAD")).isEqualTo(Money.of("1.500", "CAD"));
    assertThat(Money.of("1.5", "CAD")).hasSameHashCodeAs(Money.of("1.500", "CAD"));
    assertThat(Money.of("1.5", "CAD")).isNotEqualTo(Money.of("1.5", "USD"));
    assertThat(Money.zero("EUR")).hasToString("0.00 EUR");
  }

  @Test
  void arithmeticStaysInOneCurrency() {
    Money a = Money.of("1.25", "CAD");
    Money b = Money.of("0.80", "CAD");
    assertThat(a.plus(b)).isEqualTo(Money.of("2.05", "CAD"));
    assertThat(b.minus(a)).isEqualTo(Money.of("-0.45", "CAD"));
    assertThat(b.minus(a).isNegative()).isTrue();
    assertThat(a.times(BigDecimal.valueOf(3))).isEqualTo(Money.of("3.75", "CAD"));
    assertThat(a.isGreaterThan(b)).isTrue();
    assertThat(b.isGreaterThan(a)).isFalse();
  }

  @Test
  void mixedCurrenciesAreRefused() {
    Money cad = Money.of("1", "CAD");
    Money usd = Money.of("1", "USD");
    assertThatThrownBy(() -> cad.plus(usd)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cad.minus(usd)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cad.isGreaterThan(usd)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyIsoCurrencyCodesAreAccepted() {
    assertThatThrownBy(() -> Money.of("1", "cad")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "QQQ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(null, Currency.getInstance("CAD")))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void roundedIsTheAmountAtTheCurrencysScaleHalfUp() {
    assertThat(Money.of("0.00500", "CAD").rounded().amount()).hasToString("0.01");
    assertThat(Money.of("0.00499", "CAD").rounded().amount()).hasToString("0.00");
  }

  @Test
  void formatsInTheReadersLocale() {
    Money money = Money.of("1234.5", "CAD");
    assertThat(money.format(Locale.CANADA)).isEqualTo("$1,234.50");
    // French groups with a (narrow) no-break space and puts the symbol after the amount.
    assertThat(money.format(Locale.CANADA_FRENCH).replaceAll("[\\s\\u00a0\\u202f]", " "))
        .isEqualTo("1 234,50 $");
    assertThat(Money.of("0.00833", "CAD").format(Locale.CANADA)).isEqualTo("$0.00833");
  }
}
