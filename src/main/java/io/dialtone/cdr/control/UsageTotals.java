package io.dialtone.cdr.control;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The daily usage totals that {@link CallRecorder} keeps: the interface for usage caps (daily and
 * monthly spend, monthly minutes), the self-service gauges and the CDR page's daily chart. Days are
 * calendar days in the account's time zone; ranges are {@code [from, to)}. Reads one row per day
 * from {@code cdr_daily_account} (or {@code cdr_daily_extension}), never the CDRs: a 30-day chart
 * is 30 index entries.
 *
 * <p>No caller check: meant for system callers (call control's usage gate, alert jobs). Pages read
 * totals through {@link CallRecords}, which checks permission and scope first.
 */
@ApplicationScoped
public class UsageTotals {

  static final String ACCOUNT_DAYS =
      """
      SELECT day, calls, answered, blocked, billsec, minutes, cost FROM cdr_daily_account
      WHERE account_id = ? AND day >= ? AND day < ? ORDER BY day
      """;

  static final String EXTENSION_DAYS =
      """
      SELECT day, calls, answered, blocked, billsec, minutes, cost FROM cdr_daily_extension
      WHERE account_id = ? AND extension = ? AND day >= ? AND day < ? ORDER BY day
      """;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /**
   * One entry per day of {@code [from, to)}, zeros where nothing happened.
   *
   * @param extension an extension of the account, or {@code null} for the whole account
   */
  @Transactional
  public List<DailyUsage> daily(long accountId, String extension, LocalDate from, LocalDate to) {
    try (Connection c = dataSource.getConnection()) {
      return daily(c, accountId, extension, from, to);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read usage totals", e);
    }
  }

  /** The sum over {@code [from, to)}, e.g. month to date for a monthly cap. */
  @Transactional
  public Usage total(long accountId, String extension, LocalDate from, LocalDate to) {
    return daily(accountId, extension, from, to).stream()
        .map(DailyUsage::usage)
        .reduce(Usage.NONE, Usage::plus);
  }

  /** The same on a connection of the caller's (the benchmark). */
  public static List<DailyUsage> daily(
      Connection c, long accountId, String extension, LocalDate from, LocalDate to)
      throws SQLException {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("empty range");
    }
    Map<LocalDate, Usage> found = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(extension == null ? ACCOUNT_DAYS : EXTENSION_DAYS)) {
      int i = 1;
      s.setLong(i++, accountId);
      if (extension != null) {
        s.setString(i++, extension);
      }
      s.setObject(i++, from);
      s.setObject(i, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getObject(1, LocalDate.class), Usage.fromColumns(rs, 2));
        }
      }
    }
    List<DailyUsage> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      days.add(new DailyUsage(d, found.getOrDefault(d, Usage.NONE)));
    }
    return days;
  }
}
