package io.dialtone.bench;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CdrFacets;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrTotalsQuery;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CDR page's filtered totals and charts for a 90-day range of the large account, through the
 * control's code on one JDBC connection ({@link CdrFacets#totals}, exactly as {@code
 * CallRecords.totals} runs it for whole days): every combination of extension, direction, result,
 * destination type and country (each either absent or set: 32), then every value of each filter
 * alone, each timed {@code runs} times; prints p50/p95 per filter, the worst p95 and the p95 of all
 * runs together. Then number prefixes (the busiest of 1 to 10 digits) and minimum durations (on a
 * class limit and between), alone and with extension, direction + result and destination type:
 * p50/p95 per filter and per kind. For comparison, the same filters counted from the call rows
 * ({@link CdrTotalsQuery}, what the page did before) on a sample, fewer runs. Checks on the way
 * that both give the same totals.
 *
 * <p>{@code java io.dialtone.bench.CdrFilteredTotalsBench jdbcUrl user password account [runs]
 * [rowRuns]}
 */
public final class CdrFilteredTotalsBench {

  record Timed(String name, long calls, double p50, double p95) {}

  public static void main(String[] args) throws Exception {
    long account = Long.parseLong(args[3]);
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    int rowRuns = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    PrintStream out = System.out;
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
      ZoneId zone = zoneOf(c, account);
      LocalDate last = LocalDate.now(zone);
      LocalDate first = last.minusDays(89);
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
      String extension = busiestExtension(c, account);
      List<String> names = new ArrayList<>();
      List<CdrFilter> filters = new ArrayList<>();
      for (int mask = 0; mask < 32; mask++) {
        CdrFilter f = range;
        StringBuilder name = new StringBuilder();
        if ((mask & 1) != 0) {
          f = f.withExtension(extension);
          name.append(" extension=").append(extension);
        }
        if ((mask & 2) != 0) {
          f = f.withDirection(Direction.OUTBOUND);
          name.append(" OUTBOUND");
        }
        if ((mask & 4) != 0) {
          f = f.withDisposition(Disposition.ANSWERED);
          name.append(" ANSWERED");
        }
        if ((mask & 8) != 0) {
          f = f.withDestination(DestinationClass.INTERNATIONAL);
          name.append(" INTERNATIONAL");
        }
        if ((mask & 16) != 0) {
          f = f.withCountry("GB");
          name.append(" GB");
        }
        names.add(name.isEmpty() ? " (no filter)" : name.toString());
        filters.add(f);
      }
      for (Direction d : Direction.values()) {
        names.add(" " + d);
        filters.add(range.withDirection(d));
      }
      for (Disposition d : Disposition.values()) {
        names.add(" " + d);
        filters.add(range.withDisposition(d));
      }
      for (DestinationClass d : DestinationClass.values()) {
        names.add(" " + d);
        filters.add(range.withDestination(d));
      }
      for (String country : List.of("CA", "US", "FR", "HT")) {
        names.add(" " + country);
        filters.add(range.withCountry(country));
      }
      out.printf(
          "account=%d zone=%s days=%s..%s extension=%s runs=%d%n%n",
          account, zone, first, last, extension, runs);
      List<Double> all = new ArrayList<>();
      double worst = 0;
      String worstName = "";
      out.println("| filter (90 days) | calls | p50 ms | p95 ms |");
      out.println("|---|---:|---:|---:|");
      for (int i = 0; i < filters.size(); i++) {
        CdrFilter f = filters.get(i);
        double[] ms = new double[runs];
        long calls = 0;
        for (int w = 0; w < 3; w++) {
          calls = total(CdrFacets.totals(c, f, zone, first, last));
        }
        for (int r = 0; r < runs; r++) {
          long t = System.nanoTime();
          CdrFacets.totals(c, f, zone, first, last);
          ms[r] = (System.nanoTime() - t) / 1e6;
          all.add(ms[r]);
        }
        double[] p = percentiles(ms);
        if (p[1] > worst) {
          worst = p[1];
          worstName = names.get(i);
        }
        out.printf("|%s | %,d | %.2f | %.2f |%n", names.get(i), calls, p[0], p[1]);
      }
      double[] every = percentiles(all.stream().mapToDouble(Double::doubleValue).toArray());
      out.printf(
          "%nsummary rows: %d filters x %d runs: p50 %.2f ms, p95 %.2f ms of all runs; worst"
              + " filter p95 %.2f ms (%s)%n%n",
          filters.size(), runs, every[0], every[1], worst, worstName.strip());

      numberAndDuration(c, out, range, extension, zone, first, last, runs);

      out.println("Counted from the call rows (before), a sample, " + rowRuns + " runs each:");
      out.println("| filter (90 days) | calls | p50 ms | p95 ms | same totals |");
      out.println("|---|---:|---:|---:|---|");
      for (int i : new int[] {0, 2, 1, 6, 31, 10, 30}) {
        CdrFilter f = filters.get(i);
        List<DailyUsage> fromRows = null;
        double[] ms = new double[rowRuns];
        for (int r = 0; r < rowRuns; r++) {
          long t = System.nanoTime();
          fromRows = CdrTotalsQuery.daily(c, f, null, zone, first, last);
          ms[r] = (System.nanoTime() - t) / 1e6;
        }
        boolean same = same(fromRows, CdrFacets.totals(c, f, zone, first, last));
        double[] p = percentiles(ms);
        out.printf(
            "|%s | %,d | %.1f | %.1f | %s |%n", names.get(i), total(fromRows), p[0], p[1], same);
        if (!same) {
          throw new IllegalStateException(
              "the summary rows disagree with the calls:" + names.get(i));
        }
      }
    }
  }

  /**
   * Number prefixes and minimum durations, alone and with the other filters: timed through what
   * {@code CallRecords.totals} runs for whole days of a staff user (the summary rows when {@link
   * CdrFacets#answers}, else the call rows), p50/p95 per kind of filter and the worst filter; a
   * sample checked against a count of the call rows.
   */
  private static void numberAndDuration(
      Connection c,
      PrintStream out,
      CdrFilter range,
      String extension,
      ZoneId zone,
      LocalDate first,
      LocalDate last,
      int runs)
      throws SQLException {
    List<String> prefixes = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      prefixes.add(busiestPrefix(c, range.accountId(), n));
    }
    List<Integer> limits = List.of(1, 10, 30, 60, 300, 3600);
    List<Integer> between = List.of(2, 25, 50, 100, 250, 1000, 4000);
    List<String> kinds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<CdrFilter> filters = new ArrayList<>();
    for (String p : prefixes) {
      kinds.add(p.length() <= 5 ? "prefix of 1-5 digits" : "prefix of 6-10 digits");
      names.add(" prefix " + p);
      filters.add(range.withNumberPrefix(p));
    }
    for (int t : limits) {
      kinds.add("minimum duration on a class limit");
      names.add(" >= " + t + " s");
      filters.add(range.withMinBillsec(t));
    }
    for (int t : between) {
      kinds.add("minimum duration between limits (not offered by the page)");
      names.add(" >= " + t + " s");
      filters.add(range.withMinBillsec(t));
    }
    List<String> combined = new ArrayList<>();
    combined.add(null);
    combined.add(prefixes.get(0));
    combined.add(prefixes.get(3));
    combined.add(prefixes.get(4));
    combined.add(prefixes.get(5));
    combined.add(prefixes.get(7));
    for (String p : combined) {
      for (Integer t : java.util.Arrays.asList(null, 10, 60)) {
        for (int mask = 0; mask < 8; mask++) {
          if (p == null && t == null || mask == 0) {
            continue; // alone: above
          }
          CdrFilter f = range.withNumberPrefix(p).withMinBillsec(t);
          StringBuilder name = new StringBuilder();
          if (p != null) {
            name.append(" prefix ").append(p);
          }
          if (t != null) {
            name.append(" >= ").append(t).append(" s");
          }
          if ((mask & 1) != 0) {
            f = f.withExtension(extension);
            name.append(" extension=").append(extension);
          }
          if ((mask & 2) != 0) {
            f = f.withDirection(Direction.OUTBOUND).withDisposition(Disposition.ANSWERED);
            name.append(" OUTBOUND ANSWERED");
          }
          if ((mask & 4) != 0) {
            f = f.withDestination(DestinationClass.LOCAL);
            name.append(" LOCAL");
          }
          String kind =
              (mask & 1) != 0 && p != null
                  ? "extension + prefix (+ others)"
                  : (mask & 1) != 0
                      ? "extension + minimum duration (+ others)"
                      : p != null && p.length() > 5
                          ? "prefix of 6-10 digits + others"
                          : "prefix of 1-5 digits and/or duration + others";
          kinds.add(kind);
          names.add(name.toString());
          filters.add(f);
        }
      }
    }
    out.printf("%nNumber prefixes (the busiest of each length) and minimum durations:%n%n");
    out.println("| filter (90 days) | kind | calls | p50 ms | p95 ms |");
    out.println("|---|---|---:|---:|---:|");
    java.util.Map<String, List<Double>> byKind = new java.util.LinkedHashMap<>();
    double worst = 0;
    String worstName = "";
    for (int i = 0; i < filters.size(); i++) {
      CdrFilter f = filters.get(i);
      long calls = 0;
      for (int w = 0; w < 3; w++) {
        calls = total(totals(c, f, zone, first, last));
      }
      double[] ms = new double[runs];
      for (int r = 0; r < runs; r++) {
        long t = System.nanoTime();
        totals(c, f, zone, first, last);
        ms[r] = (System.nanoTime() - t) / 1e6;
        byKind.computeIfAbsent(kinds.get(i), k -> new ArrayList<>()).add(ms[r]);
      }
      double[] p = percentiles(ms);
      if (p[1] > worst) {
        worst = p[1];
        worstName = names.get(i);
      }
      out.printf("|%s | %s | %,d | %.2f | %.2f |%n", names.get(i), kinds.get(i), calls, p[0], p[1]);
    }
    out.printf("%n| kind | filters x runs | p50 ms | p95 ms |%n|---|---:|---:|---:|%n");
    for (var e : byKind.entrySet()) {
      double[] p = percentiles(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
      out.printf("| %s | %d | %.2f | %.2f |%n", e.getKey(), e.getValue().size(), p[0], p[1]);
    }
    out.printf(
        "%nprefix/duration: %d filters x %d runs; worst filter p95 %.2f ms (%s)%n%n",
        filters.size(), runs, worst, worstName.strip());
    out.println("Counted from the call rows (before; one run each), a sample: same totals?");
    out.println("| filter (90 days) | calls | rows ms | same totals |");
    out.println("|---|---:|---:|---|");
    for (int i = 0; i < filters.size(); i += 5) {
      CdrFilter f = filters.get(i);
      long t = System.nanoTime();
      List<DailyUsage> fromRows = CdrTotalsQuery.daily(c, f, null, zone, first, last);
      double ms = (System.nanoTime() - t) / 1e6;
      boolean same = same(fromRows, totals(c, f, zone, first, last));
      out.printf("|%s | %,d | %.1f | %s |%n", names.get(i), total(fromRows), ms, same);
      if (!same) {
        throw new IllegalStateException("the summary rows disagree with the calls:" + names.get(i));
      }
    }
    out.println();
  }

  /** What {@code CallRecords.totals} reads for whole days of a staff user. */
  private static List<DailyUsage> totals(
      Connection c, CdrFilter f, ZoneId zone, LocalDate first, LocalDate last) throws SQLException {
    return CdrFacets.answers(f)
        ? CdrFacets.totals(c, f, zone, first, last)
        : CdrTotalsQuery.daily(c, f, null, zone, first, last);
  }

  /** The account's most called number prefix of {@code digits} digits. */
  private static String busiestPrefix(Connection c, long account, int digits) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT LEFT(remote_digits, ?) p FROM cdr WHERE account_id = ?"
                + " AND CHAR_LENGTH(remote_digits) >= ? GROUP BY p ORDER BY COUNT(*) DESC LIMIT 1")) {
      s.setInt(1, digits);
      s.setLong(2, account);
      s.setInt(3, digits);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Day by day the same counts and cost (whatever the cost's scale). */
  static boolean same(List<DailyUsage> a, List<DailyUsage> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      var x = a.get(i).usage();
      var y = b.get(i).usage();
      if (!a.get(i).day().equals(b.get(i).day())
          || x.calls() != y.calls()
          || x.answered() != y.answered()
          || x.blocked() != y.blocked()
          || x.billsec() != y.billsec()
          || x.minutes() != y.minutes()
          || x.cost().compareTo(y.cost()) != 0) {
        return false;
      }
    }
    return true;
  }

  private static long total(List<DailyUsage> days) {
    return days.stream().mapToLong(d -> d.usage().calls()).sum();
  }

  private static double[] percentiles(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return new double[] {
      sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1]
    };
  }

  private static String busiestExtension(Connection c, long account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT extension FROM cdr_daily_extension WHERE account_id = ? AND extension <> ''"
                + " GROUP BY extension ORDER BY SUM(calls) DESC LIMIT 1")) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
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

  private CdrFilteredTotalsBench() {}
}
