package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.ClassCodes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily totals per value of the list's filters (V31: {@code cdr_daily_facet}, and {@code
 * cdr_daily_extension_facet} per extension): written with each batch of records ({@link Tally}, in
 * key order like the other totals), read for a filter by direction, result, destination type,
 * country and extension in any combination ({@link #daily}): one index range of the account's (or
 * the extension's) days, a few hundred rows a day at most, whatever the number of calls. Filters by
 * number prefix or minimum duration are not kept ({@link #answers}). Used by {@link CdrWrites},
 * {@link CallRecords} and the benchmark's generator, so all three share the statements.
 */
public final class CdrFacets {

  private static final String SUMS =
      """
       ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls), \
      answered = answered + VALUES(answered), blocked = blocked + VALUES(blocked), \
      billsec = billsec + VALUES(billsec), minutes = minutes + VALUES(minutes), \
      cost = cost + VALUES(cost)\
      """;

  private static final String ACCOUNT_INSERT =
      """
      INSERT INTO cdr_daily_facet (account_id, day, direction, disposition, dest_class, \
      dest_country, calls, answered, blocked, billsec, minutes, cost) VALUES \
      """;

  private static final String EXTENSION_INSERT =
      """
      INSERT INTO cdr_daily_extension_facet (account_id, extension, day, direction, disposition, \
      dest_class, dest_country, calls, answered, blocked, billsec, minutes, cost) VALUES \
      """;

  private static final String SELECT =
      "SELECT day, SUM(calls), SUM(answered), SUM(blocked), SUM(billsec), SUM(minutes), SUM(cost)";

  private static final String START = "SELECT complete_from FROM cdr_facet_start WHERE id = 1";

  /** Rows per multi-row upsert (the generator's large accounts have many). */
  private static final int CHUNK = 1000;

  private CdrFacets() {}

  /** Whether the facet tables can answer the filter: no number prefix, no minimum duration. */
  public static boolean answers(CdrFilter f) {
    return f.numberPrefix() == null && f.minBillsec() == null;
  }

  /**
   * The start of the calls the facet tables hold, UTC ({@code null}: all of them; see V31): the
   * days up to this instant's day are counted from the call rows.
   */
  static java.time.LocalDateTime completeFrom(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(START);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getObject(1, java.time.LocalDateTime.class) : null;
    }
  }

  /**
   * The filter's usage for each day {@code first..last} (inclusive, whole days in {@code zone}),
   * zeros where nothing: from the facet tables, except the days up to the one they start on (V31),
   * which are counted from the call rows ({@link CdrTotalsQuery}). {@link #answers} must hold.
   */
  public static List<DailyUsage> totals(
      Connection c, CdrFilter f, java.time.ZoneId zone, LocalDate first, LocalDate last)
      throws SQLException {
    java.time.LocalDateTime start = completeFrom(c);
    LocalDate firstKept =
        start == null
            ? first
            : LocalDate.ofInstant(start.toInstant(ZoneOffset.UTC), zone).plusDays(1);
    Map<LocalDate, Usage> found = new HashMap<>();
    if (firstKept.isAfter(first)) {
      LocalDate lastCounted = firstKept.minusDays(1).isBefore(last) ? firstKept.minusDays(1) : last;
      CdrFilter older =
          new CdrFilter(
              f.accountId(),
              first.atStartOfDay(zone).toInstant(),
              lastCounted.plusDays(1).atStartOfDay(zone).toInstant(),
              f.extension(),
              f.direction(),
              f.disposition(),
              f.destination(),
              f.country(),
              null,
              null);
      for (DailyUsage d : CdrTotalsQuery.daily(c, older, null, zone, first, lastCounted)) {
        found.put(d.day(), d.usage());
      }
    }
    if (!firstKept.isAfter(last)) {
      found.putAll(daily(c, f, firstKept.isAfter(first) ? firstKept : first, last));
    }
    List<DailyUsage> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(new DailyUsage(d, found.getOrDefault(d, Usage.NONE)));
    }
    return days;
  }

  /**
   * The filter's usage per day {@code first..last} (inclusive) as the facet tables hold it, only
   * the days with calls. The filter's range is taken as those whole days; {@link #answers} must
   * hold.
   */
  static Map<LocalDate, Usage> daily(Connection c, CdrFilter f, LocalDate first, LocalDate last)
      throws SQLException {
    if (!answers(f)) {
      throw new IllegalArgumentException("the facets keep no number prefix or duration");
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT);
    if (f.extension() == null) {
      sql.append(" FROM cdr_daily_facet WHERE account_id = ?");
      params.add(f.accountId());
    } else {
      sql.append(" FROM cdr_daily_extension_facet WHERE account_id = ? AND extension = ?");
      params.add(f.accountId());
      params.add(f.extension());
    }
    sql.append(" AND day >= ? AND day <= ?");
    params.add(first);
    params.add(last);
    CdrQueries.outcomeConditions(f, sql, params);
    sql.append(" GROUP BY day");
    Map<LocalDate, Usage> found = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      CdrQueries.bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getObject(1, LocalDate.class), Usage.fromColumns(rs, 2));
        }
      }
    }
    return found;
  }

  /**
   * The additions of some calls to the facet tables, summed per row first; {@link #write} upserts
   * them in key order (concurrent writers lock the same rows in the same order).
   */
  public static final class Tally {

    private final Map<Key, long[]> accounts = new TreeMap<>();
    private final Map<Key, long[]> extensions = new TreeMap<>();
    private final Map<Key, BigDecimal> accountCost = new HashMap<>();
    private final Map<Key, BigDecimal> extensionCost = new HashMap<>();

    /** Counts {@code r} on its account's calendar {@code day}, at {@code cost} (null: none). */
    public void add(CallRecord r, LocalDate day, BigDecimal cost) {
      Key account =
          new Key(
              r.accountId().value(),
              "",
              day,
              r.direction().code(),
              r.disposition().code(),
              ClassCodes.code(r.destination()),
              r.country() == null ? "" : r.country());
      Key extension = account.withExtension(r.extensionDigits());
      BigDecimal counted = cost == null ? BigDecimal.ZERO : cost;
      add(accounts.computeIfAbsent(account, k -> new long[5]), r);
      add(extensions.computeIfAbsent(extension, k -> new long[5]), r);
      accountCost.merge(account, counted, BigDecimal::add);
      extensionCost.merge(extension, counted, BigDecimal::add);
    }

    /** Adds the tally to the tables on the caller's connection (its transaction). */
    public void write(Connection c) throws SQLException {
      upsert(
          c, ACCOUNT_INSERT, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", accounts, accountCost, false);
      upsert(
          c,
          EXTENSION_INSERT,
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          extensions,
          extensionCost,
          true);
    }

    private static void add(long[] t, CallRecord r) {
      t[0]++;
      t[1] += r.disposition() == Disposition.ANSWERED ? 1 : 0;
      t[2] += r.disposition() == Disposition.BLOCKED ? 1 : 0;
      t[3] += r.billsec();
      t[4] += CallRecorder.minutes(r.billsec());
    }

    private static void upsert(
        Connection c,
        String insert,
        String row,
        Map<Key, long[]> sums,
        Map<Key, BigDecimal> costs,
        boolean extension)
        throws SQLException {
      List<Key> keys = new ArrayList<>(sums.keySet());
      for (int from = 0; from < keys.size(); from += CHUNK) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
        String sql =
            new StringBuilder(insert)
                .append(String.join(", ", Collections.nCopies(chunk.size(), row)))
                .append(SUMS)
                .toString();
        try (PreparedStatement s = c.prepareStatement(sql)) {
          int p = 1;
          for (Key k : chunk) {
            long[] t = sums.get(k);
            s.setLong(p++, k.accountId);
            if (extension) {
              s.setString(p++, k.extension);
            }
            s.setObject(p++, k.day);
            s.setInt(p++, k.direction);
            s.setInt(p++, k.disposition);
            s.setInt(p++, k.destClass);
            s.setString(p++, k.country);
            for (long v : t) {
              s.setLong(p++, v);
            }
            s.setBigDecimal(p++, costs.get(k));
          }
          s.executeUpdate();
        }
      }
    }
  }

  /** A facet row's key, ordered as the tables' primary keys. */
  private record Key(
      long accountId,
      String extension,
      LocalDate day,
      int direction,
      int disposition,
      int destClass,
      String country)
      implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::accountId)
            .thenComparing(Key::extension)
            .thenComparing(Key::day)
            .thenComparingInt(Key::direction)
            .thenComparingInt(Key::disposition)
            .thenComparingInt(Key::destClass)
            .thenComparing(Key::country);

    Key withExtension(String value) {
      return new Key(accountId, value, day, direction, disposition, destClass, country);
    }

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }
}
