package io.dialtone.cdr.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily totals per value of the list's filters, written with each batch of records ({@link
 * CdrFacetTally}, in key order like the other totals):
 *
 * <ul>
 *   <li>V31: per direction, result, destination type and country ({@code cdr_daily_facet}, and
 *       {@code cdr_daily_extension_facet} per extension);
 *   <li>V38: the same per class of duration ({@link #DURATION_LIMITS}) and per number prefix of up
 *       to {@value #PREFIX_DIGITS} digits ({@code cdr_daily_number_facet}), and per extension and
 *       class of duration ({@code cdr_daily_extension_duration}).
 * </ul>
 *
 * Read for any combination of the filters ({@link #daily}) except a number prefix longer than
 * {@value #PREFIX_DIGITS} digits or one with an extension ({@link #answers}): index ranges of the
 * account's (or the extension's) days, a few hundred rows a day at most per duration class,
 * whatever the number of calls. A minimum duration between two limits adds the calls between it and
 * the next limit, counted from the rows (a narrow range of the billsec index): totals stay exact.
 * Written by {@link CdrFacetTally}.
 */
public final class CdrFacets {

  /**
   * The lower limits of the duration classes in billable seconds (V38): class {@code i} holds the
   * calls from {@code DURATION_LIMITS[i]} up to the next limit, the last one every longer call.
   * Round values, as a minimum duration is usually typed: such a minimum is read from the classes
   * alone.
   */
  static final int[] DURATION_LIMITS = {
    0, 1, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 3600
  };

  /** The longest number prefix kept in {@code cdr_daily_number_facet}. */
  static final int PREFIX_DIGITS = 5;

  private static final String SELECT =
      "SELECT day, SUM(calls), SUM(answered), SUM(blocked), SUM(billsec), SUM(minutes), SUM(cost)";

  private static final String START = "SELECT complete_from FROM cdr_facet_start WHERE id = 1";

  private static final String NUMBER_START =
      "SELECT complete_from FROM cdr_number_facet_start WHERE id = 1";

  private static final String BACKFILLED =
      "SELECT complete_from FROM cdr_summary_backfill WHERE account_id = ?";

  private CdrFacets() {}

  /**
   * Whether the facet tables can answer the filter: no number prefix, or one of at most {@value
   * #PREFIX_DIGITS} digits without an extension.
   */
  public static boolean answers(CdrFilter f) {
    return f.numberPrefix() == null
        || (f.extension() == null && f.numberPrefix().length() <= PREFIX_DIGITS);
  }

  /**
   * The minimum durations the CDR page offers, in seconds: the class limits (but 0), each read from
   * the summary rows alone.
   */
  public static List<Integer> minimumDurations() {
    return java.util.Arrays.stream(DURATION_LIMITS).skip(1).boxed().toList();
  }

  /** The duration class of {@code billsec}: the last limit not above it. */
  static int durationClass(int billsec) {
    int i = DURATION_LIMITS.length - 1;
    while (DURATION_LIMITS[i] > billsec) {
      i--;
    }
    return i;
  }

  /** The first duration class whose calls all last {@code min} seconds or more. */
  static int firstClassFrom(int min) {
    int i = 0;
    while (i < DURATION_LIMITS.length && DURATION_LIMITS[i] < min) {
      i++;
    }
    return i;
  }

  /**
   * The filter's minimum duration, {@code null} when none or zero (every call lasts 0 s or more).
   */
  private static Integer minimum(CdrFilter f) {
    return f.minBillsec() == null || f.minBillsec() == 0 ? null : f.minBillsec();
  }

  /**
   * The start of the calls the facet tables hold, UTC ({@code null}: all of them; see V31): the
   * days up to this instant's day are counted from the call rows.
   */
  static java.time.LocalDateTime completeFrom(Connection c) throws SQLException {
    return completeFrom(c, START);
  }

  /** The same for the tables by number prefix and duration (V38). */
  static java.time.LocalDateTime numberCompleteFrom(Connection c) throws SQLException {
    return completeFrom(c, NUMBER_START);
  }

  private static java.time.LocalDateTime completeFrom(Connection c, String sql)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getObject(1, java.time.LocalDateTime.class) : null;
    }
  }

  /**
   * The first day whose calls of {@code accountId} are all in the tables, when they started at
   * {@code start} (UTC): the day after the one {@code start} falls on in {@code zone}, or the day
   * the {@link CdrSummaryBackfill} has reached if earlier.
   */
  private static LocalDate firstKept(
      Connection c, long accountId, java.time.ZoneId zone, java.time.LocalDateTime start)
      throws SQLException {
    LocalDate after = LocalDate.ofInstant(start.toInstant(ZoneOffset.UTC), zone).plusDays(1);
    try (PreparedStatement s = c.prepareStatement(BACKFILLED)) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        LocalDate backfilled = rs.next() ? rs.getObject(1, LocalDate.class) : null;
        return backfilled != null && backfilled.isBefore(after) ? backfilled : after;
      }
    }
  }

  /**
   * The filter's usage for each day {@code first..last} (inclusive, whole days in {@code zone}),
   * zeros where nothing: from the facet tables, except the days up to the one they start on (V31;
   * V38 for a number prefix or a minimum duration) that the {@link CdrSummaryBackfill} has not
   * reached yet, which are counted from the call rows ({@link CdrTotalsQuery}). {@link #answers}
   * must hold.
   */
  public static List<DailyUsage> totals(
      Connection c, CdrFilter f, java.time.ZoneId zone, LocalDate first, LocalDate last)
      throws SQLException {
    boolean byNumberOrDuration = f.numberPrefix() != null || minimum(f) != null;
    java.time.LocalDateTime start = byNumberOrDuration ? numberCompleteFrom(c) : completeFrom(c);
    LocalDate firstKept = start == null ? first : firstKept(c, f.accountId(), zone, start);
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
              f.numberPrefix(),
              f.minBillsec());
      for (DailyUsage d : CdrTotalsQuery.daily(c, older, null, zone, first, lastCounted)) {
        found.put(d.day(), d.usage());
      }
    }
    if (!firstKept.isAfter(last)) {
      found.putAll(daily(c, f, zone, firstKept.isAfter(first) ? firstKept : first, last));
    }
    List<DailyUsage> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(new DailyUsage(d, found.getOrDefault(d, Usage.NONE)));
    }
    return days;
  }

  /**
   * The filter's usage per day {@code first..last} (inclusive, in {@code zone}) as the facet tables
   * hold it, only the days with calls. The filter's range is taken as those whole days; {@link
   * #answers} must hold.
   */
  static Map<LocalDate, Usage> daily(
      Connection c, CdrFilter f, java.time.ZoneId zone, LocalDate first, LocalDate last)
      throws SQLException {
    if (!answers(f)) {
      throw new IllegalArgumentException("the facets keep no long number prefix");
    }
    return f.numberPrefix() == null && minimum(f) == null
        ? outcomes(c, f, first, last)
        : byNumberAndDuration(c, f, zone, first, last);
  }

  /** The V31 tables' sums per day: no number prefix, no minimum duration. */
  private static Map<LocalDate, Usage> outcomes(
      Connection c, CdrFilter f, LocalDate first, LocalDate last) throws SQLException {
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
   * The V38 tables' sums per day for a number prefix (of at most {@value #PREFIX_DIGITS} digits,
   * without extension) and/or a minimum duration {@code T}: the duration classes from the first
   * limit at or above {@code T}; when {@code T} is no limit, plus the calls between {@code T} and
   * that limit counted from the call rows. Without a prefix, when fewer classes lie below that
   * limit than above, it reads the classes below and takes them from the V31 totals instead.
   */
  private static Map<LocalDate, Usage> byNumberAndDuration(
      Connection c, CdrFilter f, java.time.ZoneId zone, LocalDate first, LocalDate last)
      throws SQLException {
    Integer min = minimum(f);
    int from = min == null ? 0 : firstClassFrom(min);
    int classes = DURATION_LIMITS.length;
    Map<LocalDate, Usage> found;
    if (f.numberPrefix() == null && from > 0 && from < classes - from) {
      found = outcomes(c, f, first, last);
      for (Map.Entry<LocalDate, Usage> below : classes(c, f, 0, from, first, last).entrySet()) {
        found.merge(below.getKey(), below.getValue(), Usage::minus);
      }
    } else {
      found = classes(c, f, from, classes, first, last);
    }
    if (min != null && (from == classes || DURATION_LIMITS[from] != min)) {
      CdrFilter days =
          new CdrFilter(
              f.accountId(),
              first.atStartOfDay(zone).toInstant(),
              last.plusDays(1).atStartOfDay(zone).toInstant(),
              f.extension(),
              f.direction(),
              f.disposition(),
              f.destination(),
              f.country(),
              f.numberPrefix(),
              min);
      Integer below = from < classes ? DURATION_LIMITS[from] : null;
      for (DailyUsage d : CdrTotalsQuery.daily(c, days, null, below, zone, first, last)) {
        if (d.usage().calls() > 0) {
          found.merge(d.day(), d.usage(), Usage::plus);
        }
      }
    }
    return found;
  }

  /** The sums per day of the duration classes {@code fromClass} (inclusive) to {@code toClass}. */
  private static Map<LocalDate, Usage> classes(
      Connection c, CdrFilter f, int fromClass, int toClass, LocalDate first, LocalDate last)
      throws SQLException {
    Map<LocalDate, Usage> found = new HashMap<>();
    if (fromClass >= toClass) {
      return found;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT);
    if (f.extension() == null) {
      sql.append(" FROM cdr_daily_number_facet WHERE account_id = ? AND prefix = ?");
      params.add(f.accountId());
      params.add(f.numberPrefix() == null ? "" : f.numberPrefix());
    } else {
      sql.append(" FROM cdr_daily_extension_duration WHERE account_id = ? AND extension = ?");
      params.add(f.accountId());
      params.add(f.extension());
    }
    // one range of days per class (an IN list, not a range: the day follows the class in the key)
    sql.append(" AND duration IN (")
        .append(String.join(", ", Collections.nCopies(toClass - fromClass, "?")))
        .append(')');
    for (int i = fromClass; i < toClass; i++) {
      params.add(i);
    }
    sql.append(" AND day >= ? AND day <= ?");
    params.add(first);
    params.add(last);
    CdrQueries.outcomeConditions(f, sql, params);
    sql.append(" GROUP BY day");
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
}
