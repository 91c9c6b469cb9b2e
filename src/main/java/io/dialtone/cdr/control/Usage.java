package io.dialtone.cdr.control;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Usage of an account or extension over some days: attempts (blocked included), answered and
 * blocked calls, billable seconds, whole minutes (each call's started minutes) and cost in the
 * account's currency.
 */
public record Usage(
    long calls, long answered, long blocked, long billsec, long minutes, BigDecimal cost) {

  public static final Usage NONE = new Usage(0, 0, 0, 0, 0, BigDecimal.ZERO);

  /** The six columns from {@code first} on (calls … cost) of a summary query's row. */
  static Usage fromColumns(ResultSet rs, int first) throws SQLException {
    return new Usage(
        rs.getLong(first),
        rs.getLong(first + 1),
        rs.getLong(first + 2),
        rs.getLong(first + 3),
        rs.getLong(first + 4),
        rs.getBigDecimal(first + 5));
  }

  public Usage plus(Usage o) {
    return new Usage(
        calls + o.calls,
        answered + o.answered,
        blocked + o.blocked,
        billsec + o.billsec,
        minutes + o.minutes,
        cost.add(o.cost));
  }

  /** This usage without {@code o}'s (a part of it). */
  public Usage minus(Usage o) {
    return new Usage(
        calls - o.calls,
        answered - o.answered,
        blocked - o.blocked,
        billsec - o.billsec,
        minutes - o.minutes,
        cost.subtract(o.cost));
  }
}
