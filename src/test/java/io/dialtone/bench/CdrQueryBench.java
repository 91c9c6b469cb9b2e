package io.dialtone.bench;

import io.dialtone.account.control.AccountTree;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CdrCursor;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrQueries;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.kernel.control.AncestorPaths;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CDR page's queries at scale, each two ways on one JDBC connection: through the control's code
 * (the scope check — {@link AncestorPaths}, as {@code AccountTree.isWithin}: the account-tree query
 * once per account, then memory — then {@link CdrQueries#page} or {@link UsageTotals#daily} with
 * parameters and row mapping, exactly as {@code CallRecords} runs them) and as the bare SQL text of
 * the same query (literals, rows read and dropped). Prints p50/p95 per query and the ratio, then
 * EXPLAIN and ANALYZE of the key queries.
 *
 * <p>{@code java io.dialtone.bench.CdrQueryBench jdbcUrl user password largeAccount smallAccount
 * [runs] [explainFile]}
 */
public final class CdrQueryBench {

  /** The scope check as {@code AccountTree.isWithin} runs it: each account's path read once. */
  private static final AncestorPaths PATHS = new AncestorPaths();

  interface Run {
    int run() throws SQLException;
  }

  record Case(String name, Run control, String bare) {}

  public static void main(String[] args) throws Exception {
    long large = Long.parseLong(args[3]);
    long small = Long.parseLong(args[4]);
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 50;
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
      long reseller = parentOf(c, large);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      CdrFilter base = CdrFilter.lastDays(large, now);
      List<Case> cases = new ArrayList<>();
      cases.add(page(c, reseller, "a  first page, last 30 days", base));
      cases.add(page(c, reseller, "b1 + extension = 150", base.withExtension("150")));
      cases.add(
          page(c, reseller, "b2 + direction = INBOUND", base.withDirection(Direction.INBOUND)));
      cases.add(
          page(
              c,
              reseller,
              "b3 + disposition = BLOCKED",
              base.withDisposition(Disposition.BLOCKED)));
      cases.add(
          page(
              c,
              reseller,
              "b4 + class = INTERNATIONAL",
              base.withDestination(DestinationClass.INTERNATIONAL)));
      cases.add(
          page(
              c,
              reseller,
              "b5 + class = EMERGENCY (rare)",
              base.withDestination(DestinationClass.EMERGENCY)));
      cases.add(page(c, reseller, "b6 + country = GB", base.withCountry("GB")));
      cases.add(page(c, reseller, "b7 + country = HT (rare)", base.withCountry("HT")));
      cases.add(page(c, reseller, "b8 + number prefix 44", base.withNumberPrefix("+44")));
      cases.add(
          page(
              c,
              reseller,
              "b9 + number prefix 1416 (broad: the local area)",
              base.withNumberPrefix("1416")));
      cases.add(page(c, reseller, "b10 + min duration 60 s", base.withMinBillsec(60)));
      cases.add(page(c, reseller, "b11 + min duration 1800 s (rare)", base.withMinBillsec(1800)));
      CdrCursor cursor = cursorAfter(c, base, 99);
      cases.add(keyset(c, reseller, "c  page 100 (keyset)", base, cursor));
      cases.add(page(c, reseller, "g  small account: first page", CdrFilter.lastDays(small, now)));
      ZoneId zone = zoneOf(c, large);
      LocalDate today = now.atZone(zone).toLocalDate();
      cases.add(totals(c, reseller, large, today.minusDays(29), today.plusDays(1)));
      cases.add(rawTotals(c, large, base));

      PrintStream out = System.out;
      out.printf("now=%s large=%d small=%d runs=%d%n%n", now, large, small, runs);
      double[] treeQuery =
          time(
              () -> {
                path(c, large);
                return 1;
              },
              null,
              runs)[0];
      double[] scopeOnly =
          time(
              () -> {
                scope(c, reseller, large);
                return 1;
              },
              null,
              runs)[0];
      out.printf(
          "scope check: the account-tree query (read once per account) p50 %.3f ms, p95 %.3f ms;"
              + " the check with the path known p50 %.4f ms, p95 %.4f ms%n%n",
          treeQuery[0], treeQuery[1], scopeOnly[0], scopeOnly[1]);
      out.println(
          "| query | rows | control p50 ms | control p95 ms | bare SQL p50 ms | bare SQL p95 ms | p95 ratio |");
      out.println("|---|---:|---:|---:|---:|---:|---:|");
      for (Case k : cases) {
        int rows = k.control().run();
        double[][] t = time(k.control(), () -> bare(c, k.bare()), runs);
        out.printf(
            "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
            k.name(), rows, t[0][0], t[0][1], t[1][0], t[1][1], t[0][1] / t[1][1]);
      }
      if (args.length > 6) {
        try (PrintStream explain = new PrintStream(args[6], "UTF-8")) {
          for (Case k : cases) {
            if (k.bare() != null) {
              explain.println("### " + k.name());
              explain.println(k.bare());
              explain.println("\nEXPLAIN:");
              table(c, "EXPLAIN " + k.bare(), explain);
              explain.println("\nANALYZE (r_rows = rows actually read):");
              table(c, "ANALYZE " + k.bare(), explain);
              explain.println();
            }
          }
        }
      }
    }
  }

  private static Case page(Connection c, long reseller, String name, CdrFilter f) {
    return new Case(
        name,
        () -> {
          scope(c, reseller, f.accountId());
          return CdrQueries.page(c, f, null, 50).size();
        },
        literal(CdrQueries.sql(f, null, 50, new ArrayList<>()), f, null));
  }

  private static Case keyset(Connection c, long reseller, String name, CdrFilter f, CdrCursor k) {
    return new Case(
        name,
        () -> {
          scope(c, reseller, f.accountId());
          return CdrQueries.page(c, f, k, 50).size();
        },
        literal(CdrQueries.sql(f, k, 50, new ArrayList<>()), f, k));
  }

  private static Case totals(
      Connection c, long reseller, long account, LocalDate from, LocalDate to) {
    String bare =
        String.format(
            "SELECT day, calls, answered, blocked, billsec, minutes, cost FROM cdr_daily_account"
                + " WHERE account_id = %d AND day >= '%s' AND day < '%s' ORDER BY day",
            account, from, to);
    return new Case(
        "d  totals + daily chart, 30 days (cdr_daily_account)",
        () -> {
          scope(c, reseller, account);
          return UsageTotals.daily(c, account, null, from, to).size();
        },
        bare);
  }

  /** For comparison only: the same totals from the raw rows (what the summary table avoids). */
  private static Case rawTotals(Connection c, long account, CdrFilter f) {
    String sql =
        String.format(
            "SELECT DATE(start_time), COUNT(*), SUM(disposition = 1), SUM(disposition = 5),"
                + " SUM(billsec), SUM(cost) FROM cdr WHERE account_id = %d AND start_time >= '%s'"
                + " AND start_time < '%s' GROUP BY DATE(start_time)",
            account, utc(f.from()), utc(f.to()));
    return new Case(
        "e  (reference, not the control) the same from cdr rows", () -> bare(c, sql), sql);
  }

  /** The SQL with its parameters written in, as one would type it into a client. */
  private static String literal(String sql, CdrFilter f, CdrCursor cursor) {
    List<Object> params = new ArrayList<>();
    CdrQueries.sql(f, cursor, 50, params);
    StringBuilder out = new StringBuilder();
    int p = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        Object v = params.get(p++);
        out.append(
            v instanceof Number
                ? v.toString()
                : "'" + (v instanceof LocalDateTime t ? t.toString().replace('T', ' ') : v) + "'");
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static int bare(Connection c, String sql) throws SQLException {
    int n = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= cols; i++) {
          rs.getObject(i);
        }
        n++;
      }
    }
    return n;
  }

  private static void scope(Connection c, long caller, long account) {
    if (!PATHS.isWithin(caller, account, id -> path(c, id))) {
      throw new IllegalStateException("out of scope");
    }
  }

  /** An account's path to the root, as {@code AccountTree} reads it. */
  private static long[] path(Connection c, long account) {
    try (PreparedStatement s = c.prepareStatement(AccountTree.PATH_SQL)) {
      s.setLong(1, account);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids.stream().mapToLong(Long::longValue).toArray();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * p50 and p95 (ms) of {@code a} and of {@code b} ({@code null}: only a), run alternately after
   * three warm-up rounds, so load on the machine hits both alike.
   */
  private static double[][] time(Run a, Run b, int runs) throws SQLException {
    for (int i = 0; i < 3; i++) {
      a.run();
      if (b != null) {
        b.run();
      }
    }
    double[] ta = new double[runs];
    double[] tb = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      a.run();
      ta[i] = (System.nanoTime() - t) / 1e6;
      if (b != null) {
        t = System.nanoTime();
        b.run();
        tb[i] = (System.nanoTime() - t) / 1e6;
      }
    }
    return new double[][] {percentiles(ta), b == null ? null : percentiles(tb)};
  }

  private static double[] percentiles(double[] ms) {
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(0.95 * ms.length) - 1]};
  }

  private static CdrCursor cursorAfter(Connection c, CdrFilter f, int pages) throws SQLException {
    CdrCursor cursor = null;
    for (int i = 0; i < pages; i++) {
      List<CdrRow> rows = CdrQueries.page(c, f, cursor, 50);
      if (rows.size() < 50) {
        break; // a small data set: the deepest full page there is
      }
      cursor = CdrCursor.after(rows.get(rows.size() - 1));
    }
    return cursor;
  }

  private static long parentOf(Connection c, long account) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT parent_id FROM account WHERE id = ?")) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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

  private static String utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString().replace('T', ' ');
  }

  private static void table(Connection c, String sql, PrintStream out) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData m = rs.getMetaData();
      StringBuilder head = new StringBuilder("|");
      for (int i = 1; i <= m.getColumnCount(); i++) {
        head.append(' ').append(m.getColumnLabel(i)).append(" |");
      }
      out.println(head);
      while (rs.next()) {
        StringBuilder row = new StringBuilder("|");
        for (int i = 1; i <= m.getColumnCount(); i++) {
          row.append(' ').append(rs.getString(i)).append(" |");
        }
        out.println(row);
      }
    }
  }
}
