package io.dialtone.usage.entity;

import io.dialtone.account.control.UsageCaps;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One cap of an account: daily and monthly spend (account currency), monthly minutes, concurrent
 * calls. Reads and replaces its value in a {@link UsageCaps}; stored by name, never renamed. Shown
 * through {@code UsageCap.<NAME>}.
 */
public enum UsageCap {
  DAILY_SPEND,
  MONTHLY_SPEND,
  MONTHLY_MINUTES,
  CONCURRENT_CALLS;

  /** Whether its amounts are money (two decimals) rather than whole minutes or calls. */
  public boolean isMoney() {
    return this == DAILY_SPEND || this == MONTHLY_SPEND;
  }

  /** Whether usage against it adds up over a period (a day or a month) and is alerted at 80 %. */
  public boolean isPeriodic() {
    return this != CONCURRENT_CALLS;
  }

  /**
   * The first day of the alert period containing {@code day}: the day itself for the daily spend
   * and the concurrent calls (alerted at most once a day), else its month's first.
   */
  public LocalDate periodStart(LocalDate day) {
    return this == DAILY_SPEND || this == CONCURRENT_CALLS ? day : YearMonth.from(day).atDay(1);
  }

  /** This cap's value in {@code caps}, {@code null} for none. */
  public BigDecimal of(UsageCaps caps) {
    return switch (this) {
      case DAILY_SPEND -> caps.dailySpend();
      case MONTHLY_SPEND -> caps.monthlySpend();
      case MONTHLY_MINUTES -> decimal(caps.monthlyMinutes());
      case CONCURRENT_CALLS -> decimal(caps.concurrentCalls());
    };
  }

  /** {@code caps} with this cap set to {@code value} ({@code null}: no cap). */
  public UsageCaps with(UsageCaps caps, BigDecimal value) {
    return switch (this) {
      case DAILY_SPEND ->
          new UsageCaps(value, caps.monthlySpend(), caps.monthlyMinutes(), caps.concurrentCalls());
      case MONTHLY_SPEND ->
          new UsageCaps(caps.dailySpend(), value, caps.monthlyMinutes(), caps.concurrentCalls());
      case MONTHLY_MINUTES ->
          new UsageCaps(
              caps.dailySpend(), caps.monthlySpend(), whole(value), caps.concurrentCalls());
      case CONCURRENT_CALLS ->
          new UsageCaps(
              caps.dailySpend(), caps.monthlySpend(), caps.monthlyMinutes(), whole(value));
    };
  }

  /** Whether {@code value} fits this cap: not negative, two decimals for money, else whole. */
  public boolean accepts(BigDecimal value) {
    if (value == null || value.signum() < 0) {
      return false;
    }
    BigDecimal plain = value.stripTrailingZeros();
    return isMoney()
        ? plain.scale() <= 2 && value.compareTo(new BigDecimal(UsageCaps.MAX_SPEND)) <= 0
        : plain.scale() <= 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  /** The message bundle key, e.g. {@code UsageCap.DAILY_SPEND}. */
  public String messageKey() {
    return "UsageCap." + name();
  }

  private static BigDecimal decimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  private static Integer whole(BigDecimal value) {
    return value == null ? null : value.intValueExact();
  }
}
