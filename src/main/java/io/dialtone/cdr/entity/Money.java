package io.dialtone.cdr.entity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in a currency (ISO 4217 code). Amounts of different currencies are never added: {@link
 * #plus(Money)} refuses. Equal when currency and numeric value are (1.50 equals 1.5).
 */
public record Money(BigDecimal amount, String currency) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(amount);
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("not an ISO 4217 currency code");
    }
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("different currencies");
    }
    return new Money(amount.add(other.amount), currency);
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
    return amount.toPlainString() + " " + currency;
  }
}
