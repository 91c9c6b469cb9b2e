package io.dialtone.bench;

import io.dialtone.cdr.control.CdrBackfillDay;
import io.dialtone.cdr.control.CdrFacets;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The backfill of the call summaries on the bench's data, as an upgrade finds it: the large
 * account's facet rows are emptied and the V31/V38 start markers set to now, so every call is
 * "older". Times a few 90-day totals counted from the call rows (before), then fills every day of
 * the account through the backfill's own day step ({@link CdrBackfillDay#fill}, one transaction a
 * day, newest first, as {@code CdrSummaryBackfill} runs it): calls per second and the time of each
 * day's transaction (how long a writer of that day can wait). Then clears the markers as the
 * backfill does when done, and checks that the facet tables count every call once. The totals after
 * it: the {@code totals} step ({@code CdrFilteredTotalsBench}), which also compares samples with
 * counts of the call rows.
 *
 * <p>{@code java io.dialtone.bench.CdrBackfillBench jdbcUrl user password account [beforeRuns]}
 */
public final class CdrBackfillBench {

  private static final List<String> FACETS =
      List.of(
          "cdr_daily_facet",
          "cdr_daily_extension_facet",
          "cdr_daily_number_facet",
          "cdr_daily_extension_duration");

  public static void main(String[] args) throws Exception {
    long account = Long.parseLong(args[3]);
    int beforeRuns = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    PrintStream out = System.out;
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
      c.setAutoCommit(true);
      ZoneId zone = zoneOf(c, account);
      Instant upgrade = Instant.now();
      boolean alone = count(c, "SELECT COUNT(DISTINCT account_id) FROM cdr_daily_account") == 1;
      try (Statement s = c.createStatement()) {
        for (String table : FACETS) {
          // the one account's rows: TRUNCATE is far quicker than a DELETE of millions
          s.execute(
              alone
                  ? "TRUNCATE TABLE " + table
                  : "DELETE FROM " + table + " WHERE account_id = " + account);
        }
        s.execute("DELETE FROM cdr_summary_backfill");
      }
      for (String table : List.of("cdr_facet_start", "cdr_number_facet_start")) {
        try (PreparedStatement s =
            c.prepareStatement("UPDATE " + table + " SET complete_from = ? WHERE id = 1")) {
          s.setObject(1, LocalDateTime.ofInstant(upgrade, ZoneOffset.UTC));
          s.executeUpdate();
        }
      }
      LocalDate last = LocalDate.now(zone);
      LocalDate first = last.minusDays(89);
      List<CdrFilter> filters = filters(account, zone, first, last);
      out.printf("# backfill: account %d, zone %s, upgrade at %s%n", account, zone, upgrade);
      out.println("## 90-day totals before the backfill (every day counted from the call rows)");
      time(c, filters, zone, first, last, beforeRuns, out);

      LocalDate completeFrom = LocalDate.ofInstant(upgrade, zone).plusDays(1);
      LocalDate oldest = oldestDay(c, account, zone);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO cdr_summary_backfill (account_id, complete_from, oldest_day, started_at)"
                  + " VALUES (?, ?, ?, UTC_TIMESTAMP(6))")) {
        s.setLong(1, account);
        s.setObject(2, completeFrom);
        s.setObject(3, oldest);
        s.executeUpdate();
      }
      out.printf("# load average before the backfill: %s%n", load());
      long calls = 0;
      List<Double> dayMs = new ArrayList<>();
      long started = System.nanoTime();
      for (LocalDate day = completeFrom.minusDays(1);
          !day.isBefore(oldest);
          day = day.minusDays(1)) {
        long t = System.nanoTime();
        calls += CdrBackfillDay.fill(c, account, zone, day);
        dayMs.add((System.nanoTime() - t) / 1e6);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf("# load average after the backfill: %s%n", load());
      double[] sorted = dayMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.printf(
          "backfill: %,d calls in %d days, %.1f s: %,.0f calls/s; a day's transaction p50 %.0f ms,"
              + " p95 %.0f ms, max %.0f ms%n",
          calls,
          sorted.length,
          seconds,
          calls / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.95),
          sorted[sorted.length - 1]);
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE cdr_facet_start SET complete_from = NULL WHERE id = 1");
        s.execute("UPDATE cdr_number_facet_start SET complete_from = NULL WHERE id = 1");
      }
      long stored = count(c, "SELECT COUNT(*) FROM cdr WHERE account_id = " + account);
      for (String sum :
          List.of(
              "SELECT SUM(calls) FROM cdr_daily_facet WHERE account_id = ",
              "SELECT SUM(calls) FROM cdr_daily_extension_facet WHERE account_id = ",
              "SELECT SUM(calls) FROM cdr_daily_number_facet WHERE prefix = '' AND account_id = ",
              "SELECT SUM(calls) FROM cdr_daily_extension_duration WHERE account_id = ")) {
        long summed = count(c, sum + account);
        out.printf("check: %s%d = %,d (call rows %,d)%n", sum, account, summed, stored);
        if (summed != stored) {
          throw new IllegalStateException("the backfill counted " + summed + " of " + stored);
        }
      }
      out.println("## 90-day totals after the backfill (summary rows only)");
      time(c, filters, zone, first, last, beforeRuns * 5, out);
    }
  }

  private static List<CdrFilter> filters(
      long account, ZoneId zone, LocalDate first, LocalDate last) {
    CdrFilter range =
        new CdrFilter(
            account,
            first.atStartOfDay(zone).toInstant(),
            last.plusDays(1).atStartOfDay(zone).toInstant(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return List.of(
        range.withDirection(Direction.OUTBOUND),
        range.withDisposition(Disposition.ANSWERED).withMinBillsec(60),
        range.withNumberPrefix("1"));
  }

  private static void time(
      Connection c,
      List<CdrFilter> filters,
      ZoneId zone,
      LocalDate first,
      LocalDate last,
      int runs,
      PrintStream out)
      throws SQLException {
    for (CdrFilter f : filters) {
      double[] ms = new double[runs];
      long calls = 0;
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        List<DailyUsage> days = CdrFacets.totals(c, f, zone, first, last);
        ms[i] = (System.nanoTime() - t) / 1e6;
        calls = days.stream().mapToLong(d -> d.usage().calls()).sum();
      }
      Arrays.sort(ms);
      out.printf(
          "%-60s calls %,d  p50 %.1f ms  p95 %.1f ms  (%d runs)%n",
          io.dialtone.cdr.control.CdrFilterText.describe(f),
          calls,
          percentile(ms, 0.50),
          percentile(ms, 0.95),
          runs);
    }
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static LocalDate oldestDay(Connection c, long account, ZoneId zone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT MIN(start_time) FROM cdr WHERE account_id = ?")) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return LocalDate.ofInstant(
            rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), zone);
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String load() throws java.io.IOException {
    return String.join(
        " ",
        Arrays.copyOf(
            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
  }

  private static ZoneId zoneOf(Connection c, long account) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM account WHERE id = ?")) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return ZoneId.of(rs.getString(1));
      }
    }
  }

  private CdrBackfillBench() {}
}
