package io.dialtone.account.control;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage caps of an account (enforced by call control later); {@code null} means no cap. A
 * customer's caps must stay within its reseller's: {@link #exceeding(UsageCaps)} names the caps
 * that do not.
 */
public record UsageCaps(
    @DecimalMin("0.00") @DecimalMax(MAX_SPEND) @Digits(integer = 10, fraction = 2)
        BigDecimal dailySpend,
    @DecimalMin("0.00") @DecimalMax(MAX_SPEND) @Digits(integer = 10, fraction = 2)
        BigDecimal monthlySpend,
    @PositiveOrZero Integer monthlyMinutes,
    @PositiveOrZero Integer concurrentCalls) {

  /** The largest amount DECIMAL(12,2) holds. */
  public static final String MAX_SPEND = "9999999999.99";

  public static final UsageCaps NONE = new UsageCaps(null, null, null, null);

  /** Whether every cap is empty or a valid value (no validator needed). */
  public boolean isValid() {
    return validAmount(dailySpend)
        && validAmount(monthlySpend)
        && (monthlyMinutes == null || monthlyMinutes >= 0)
        && (concurrentCalls == null || concurrentCalls >= 0);
  }

  /**
   * The names of the caps above the matching cap of {@code limits} (a parent's caps). A cap of the
   * parent binds the child: the child must then have a cap too, at most as high.
   */
  public List<String> exceeding(UsageCaps limits) {
    List<String> over = new ArrayList<>();
    if (exceeds(dailySpend, limits.dailySpend)) {
      over.add("dailySpend");
    }
    if (exceeds(monthlySpend, limits.monthlySpend)) {
      over.add("monthlySpend");
    }
    if (exceeds(toDecimal(monthlyMinutes), toDecimal(limits.monthlyMinutes))) {
      over.add("monthlyMinutes");
    }
    if (exceeds(toDecimal(concurrentCalls), toDecimal(limits.concurrentCalls))) {
      over.add("concurrentCalls");
    }
    return over;
  }

  /**
   * The names of the caps that rise from {@code before} (a higher amount, or no cap where there was
   * one) and end above the matching cap of {@code limits}. Caps that fall or stay are not named,
   * even when above {@code limits}.
   */
  public List<String> raisedAbove(UsageCaps before, UsageCaps limits) {
    List<String> raised = new ArrayList<>();
    if (rises(before.dailySpend, dailySpend)) {
      raised.add("dailySpend");
    }
    if (rises(before.monthlySpend, monthlySpend)) {
      raised.add("monthlySpend");
    }
    if (rises(toDecimal(before.monthlyMinutes), toDecimal(monthlyMinutes))) {
      raised.add("monthlyMinutes");
    }
    if (rises(toDecimal(before.concurrentCalls), toDecimal(concurrentCalls))) {
      raised.add("concurrentCalls");
    }
    raised.retainAll(exceeding(limits));
    return raised;
  }

  private static boolean rises(BigDecimal from, BigDecimal to) {
    return from != null && (to == null || to.compareTo(from) > 0);
  }

  private static boolean exceeds(BigDecimal value, BigDecimal limit) {
    return limit != null && (value == null || value.compareTo(limit) > 0);
  }

  private static BigDecimal toDecimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  private static boolean validAmount(BigDecimal value) {
    return value == null
        || value.signum() >= 0
            && value.stripTrailingZeros().scale() <= 2
            && value.compareTo(new BigDecimal(MAX_SPEND)) <= 0;
  }
}
