package io.dialtone.kernel.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in a currency. The amount has at least the currency's scale (1.5 CAD is 1.50 CAD); more
 * decimals are kept, because per-minute prices and rated call costs are sub-cent (five decimals in
 * the rate deck); {@link #rounded()} gives the amount a person pays. Amounts of different
 * currencies never mix: arithmetic and comparison refuse them. Equal when currency and numeric
 * value are (1.50 equals 1.500).
 */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int scale = scaleOf(currency);
    if (amount.scale() < scale) {
      amount = amount.setScale(scale);
    }
  }

  /** {@code amount} in the currency whose ISO 4217 code is {@code code}. */
  public static Money of(BigDecimal amount, String code) {
    return new Money(amount, currencyOf(code));
  }

  /** {@code amount} (decimal text, e.g. {@code "12.50"}) in the currency {@code code}. */
  public static Money of(String amount, String code) {
    return of(new BigDecimal(amount), code);
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public static Money zero(String code) {
    return zero(currencyOf(code));
  }

  /**
   * The currency whose ISO 4217 code is {@code code} (three upper-case letters).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Currency currencyOf(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("not an ISO 4217 currency code");
    }
    return Currency.getInstance(code);
  }

  /** The ISO 4217 code, e.g. {@code CAD}. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(same(other).amount), currency);
  }

  /** This amount times {@code factor} (e.g. a quantity), in the same currency. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /** Whether this is more than {@code other} (same currency only). */
  public boolean isGreaterThan(Money other) {
    return amount.compareTo(same(other).amount) > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** The amount at the currency's scale, rounded half up: what is billed or shown. */
  public Money rounded() {
    return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
  }

  /** The amount as a person of {@code locale} reads it, e.g. {@code 1 234,50 $CA} in French. */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    int scale = Math.max(scaleOf(currency), amount.stripTrailingZeros().scale());
    format.setMinimumFractionDigits(scaleOf(currency));
    format.setMaximumFractionDigits(scale);
    return format.format(amount);
  }

  private Money same(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "different currencies: %s, %s".formatted(currencyCode(), other.currencyCode()));
    }
    return other;
  }

  private static int scaleOf(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currencyCode();
  }
}
