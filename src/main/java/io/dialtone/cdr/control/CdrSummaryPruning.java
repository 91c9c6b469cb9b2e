package io.dialtone.cdr.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary rows' side of the retention ({@link CdrRetentionSweep}): the daily totals (V14) and
 * the facet tables (V31, V38) of the days whose calls have all expired are deleted with the calls,
 * so no total counts a call the list can no longer show. A summary row is one calendar day of the
 * account's time zone; the day that holds the retention's first instant keeps its rows (some of its
 * calls are kept). Deleted per account and table in batches of {@value #BATCH}, each its own
 * statement and commit, as the call rows.
 */
final class CdrSummaryPruning {

  /** Rows per DELETE. */
  static final int BATCH = 5000;

  /**
   * The deletions of every table of daily summary rows of the calls (keyed by account first, with a
   * {@code day}); {@code cdr_daily_account} first: it has a row for every day any other has.
   */
  static final List<String> DELETES =
      List.of(
          "DELETE FROM cdr_daily_account WHERE account_id = ? AND day < ? LIMIT ?",
          "DELETE FROM cdr_daily_extension WHERE account_id = ? AND day < ? LIMIT ?",
          "DELETE FROM cdr_daily_facet WHERE account_id = ? AND day < ? LIMIT ?",
          "DELETE FROM cdr_daily_extension_facet WHERE account_id = ? AND day < ? LIMIT ?",
          "DELETE FROM cdr_daily_number_facet WHERE account_id = ? AND day < ? LIMIT ?",
          "DELETE FROM cdr_daily_extension_duration WHERE account_id = ? AND day < ? LIMIT ?");

  private static final String OLDEST =
      "SELECT account_id, MIN(day) FROM cdr_daily_account GROUP BY account_id";

  private CdrSummaryPruning() {}

  /** The oldest summary day of each account that has one. */
  static Map<Long, LocalDate> oldestDays(Connection c) throws SQLException {
    Map<Long, LocalDate> oldest = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(OLDEST);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        oldest.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
      }
    }
    return oldest;
  }

  /** Deletes the summary rows of {@code accountId} before {@code firstKept}; how many. */
  static long prune(Connection c, long accountId, LocalDate firstKept) throws SQLException {
    long total = 0;
    for (String sql : DELETES) {
      int n;
      do {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setLong(1, accountId);
          s.setObject(2, firstKept);
          s.setInt(3, BATCH);
          n = s.executeUpdate();
        }
        total += n;
      } while (n == BATCH);
    }
    return total;
  }
}
