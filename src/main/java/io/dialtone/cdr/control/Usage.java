package io.dialtone.cdr.control;

import java.math.BigDecimal;

/**
 * Usage of an account or extension over some days: attempts (blocked included), answered and
 * blocked calls, billable seconds, whole minutes (each call's started minutes) and cost in the
 * account's currency.
 */
public record Usage(
    long calls, long answered, long blocked, long billsec, long minutes, BigDecimal cost) {

  public static final Usage NONE = new Usage(0, 0, 0, 0, 0, BigDecimal.ZERO);

  public Usage plus(Usage o) {
    return new Usage(
        calls + o.calls,
        answered + o.answered,
        blocked + o.blocked,
        billsec + o.billsec,
        minutes + o.minutes,
        cost.add(o.cost));
  }
}
