package io.dialtone.cdr.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One step of the {@link CdrSummaryBackfill}: one account's calendar day made complete in the facet
 * tables, in one transaction of its own.
 *
 * <p>The cut-over with the calls written meanwhile ({@link CdrWrites} inserts a call row, then adds
 * it to the summary rows, in one transaction):
 *
 * <ol>
 *   <li>The day's call rows are read with shared locks in REPEATABLE READ: a writer still holding
 *       an uncommitted call of the day is waited for (its summary additions are then committed and
 *       its row is read); a writer that comes later waits on the locked range (next-key locks)
 *       until this transaction ends, and then adds its call on top.
 *   <li>Every summary row of those calls' keys is <em>set</em> to their sums, not added to: a call
 *       already counted (written after the tables existed: a late write, a call that ended after
 *       midnight) is counted once. Every summary row of the day has such a key, as each comes from
 *       a call of the day whose row is still stored.
 *   <li>The account's {@code complete_from} moves back to that day in the same commit, so a reader
 *       sees the day's summary rows and the day as complete together, or neither.
 * </ol>
 */
public final class CdrBackfillDay {

  private static final String CALLS =
      """
      SELECT extension, remote_digits, direction, disposition, dest_class, dest_country, billsec, \
      cost FROM cdr WHERE account_id = ? AND start_time >= ? AND start_time < ? LOCK IN SHARE MODE\
      """;

  /** Moves the start back by one day, only from the day after (another run has not moved it). */
  private static final String PROGRESS =
      """
      UPDATE cdr_summary_backfill SET complete_from = ?, calls_counted = calls_counted + ?, \
      finished_at = CASE WHEN ? <= oldest_day THEN UTC_TIMESTAMP(6) END \
      WHERE account_id = ? AND complete_from = ?\
      """;

  private CdrBackfillDay() {}

  /**
   * Makes {@code day} (in {@code zone}) complete for {@code accountId}, whose summary rows are
   * complete from the next day; the calls read.
   */
  public static long fill(Connection c, long accountId, ZoneId zone, LocalDate day)
      throws SQLException {
    int isolation = c.getTransactionIsolation();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      CdrFacetTally tally = new CdrFacetTally();
      long calls = 0;
      try (PreparedStatement s = c.prepareStatement(CALLS)) {
        s.setLong(1, accountId);
        s.setObject(2, CdrQueries.utc(day.atStartOfDay(zone).toInstant()));
        s.setObject(3, CdrQueries.utc(day.plusDays(1).atStartOfDay(zone).toInstant()));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tally.add(
                new CdrFacetTally.Call(
                    accountId,
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getInt(7),
                    rs.getBigDecimal(8)),
                day);
            calls++;
          }
        }
      }
      tally.replace(c);
      try (PreparedStatement s = c.prepareStatement(PROGRESS)) {
        s.setObject(1, day);
        s.setLong(2, calls);
        s.setObject(3, day);
        s.setLong(4, accountId);
        s.setObject(5, day.plusDays(1));
        if (s.executeUpdate() != 1) {
          throw new SQLException(
              "the summary backfill of account " + accountId + " is not at " + day.plusDays(1));
        }
      }
      c.commit();
      return calls;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
      c.setTransactionIsolation(isolation);
    }
  }
}
