package io.dialtone.cdr.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Daily totals of a filter the pre-aggregated tables cannot answer (direction, disposition, class,
 * country, number, duration): counted from the CDRs through the filter's index, grouped by
 * quarter-hour in UTC and folded into the account's calendar days here (every time zone's offset is
 * a multiple of 15 minutes, and MariaDB's time-zone tables need not be loaded). At most 96 groups a
 * day come back, whatever the number of calls.
 */
public final class CdrTotalsQuery {

  /** The origin of the quarter-hour buckets. */
  static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  static final Duration BUCKET = Duration.ofMinutes(15);

  private static final String SELECT =
      """
      SELECT TIMESTAMPDIFF(MINUTE, '2000-01-01 00:00:00', start_time) DIV 15 AS bucket, COUNT(*),
        SUM(disposition = 1), SUM(disposition = 5), SUM(billsec), SUM((billsec + 59) DIV 60),
        COALESCE(SUM(cost), 0) FROM cdr\
      """;

  /**
   * The matches themselves, through an index that holds these columns (V41): summed here. Grouping
   * by an expression in MariaDB 11.4 builds a temporary table at ≈ 10 µs a row (14,500 matches:
   * 130-280 ms, the index range itself 68 pages); reading them and summing in the JVM takes a few
   * milliseconds.
   */
  private static final String MATCHES =
      """
      SELECT TIMESTAMPDIFF(MINUTE, '2000-01-01 00:00:00', start_time) DIV 15 AS bucket,       disposition, billsec, cost FROM cdr      """;

  private CdrTotalsQuery() {}

  /** One entry per day {@code from..to} (inclusive, in {@code zone}), zeros where nothing. */
  public static List<DailyUsage> daily(
      Connection c, CdrFilter f, Set<Long> only, ZoneId zone, LocalDate from, LocalDate to)
      throws SQLException {
    return daily(c, f, only, null, zone, from, to);
  }

  /**
   * The same for the calls shorter than {@code billsecBelow} seconds ({@code null}: any): the calls
   * between a minimum duration and the next limit of the duration classes ({@link CdrFacets}).
   */
  static List<DailyUsage> daily(
      Connection c,
      CdrFilter f,
      Set<Long> only,
      Integer billsecBelow,
      ZoneId zone,
      LocalDate from,
      LocalDate to)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = sql(f, only, billsecBelow, params);
    boolean matches = index(f, only, billsecBelow) != null;
    Map<LocalDate, Usage> found = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      CdrQueries.bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        Map<Long, Sums> buckets = new HashMap<>();
        while (rs.next()) {
          if (matches) {
            buckets
                .computeIfAbsent(rs.getLong(1), b -> new Sums())
                .add(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4));
          } else {
            found.merge(dayOf(rs.getLong(1), zone), Usage.fromColumns(rs, 2), Usage::plus);
          }
        }
        buckets.forEach((b, sums) -> found.merge(dayOf(b, zone), sums.usage(), Usage::plus));
      }
    }
    List<DailyUsage> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(new DailyUsage(d, found.getOrDefault(d, Usage.NONE)));
    }
    return days;
  }

  static String sql(CdrFilter f, Set<Long> only, List<Object> params) {
    return sql(f, only, null, params);
  }

  static String sql(CdrFilter f, Set<Long> only, Integer billsecBelow, List<Object> params) {
    String index = index(f, only, billsecBelow);
    StringBuilder sql = new StringBuilder(index == null ? SELECT : MATCHES);
    if (index != null) {
      sql.append(" FORCE INDEX (").append(index).append(')');
    }
    CdrQueries.where(sql, f, only, params);
    if (billsecBelow != null) {
      sql.append(" AND billsec < ?");
      params.add(billsecBelow);
    }
    return index == null ? sql.append(" GROUP BY bucket").toString() : sql.toString();
  }

  /** The sums of the matches of one quarter-hour. */
  private static final class Sums {
    private long calls;
    private long answered;
    private long blocked;
    private long billsec;
    private long minutes;
    private BigDecimal cost = BigDecimal.ZERO;

    void add(int disposition, int seconds, BigDecimal amount) {
      calls++;
      answered += disposition == Disposition.ANSWERED.code() ? 1 : 0;
      blocked += disposition == Disposition.BLOCKED.code() ? 1 : 0;
      billsec += seconds;
      minutes += CallRecorder.minutes(seconds);
      cost = amount == null ? cost : cost.add(amount);
    }

    Usage usage() {
      return new Usage(calls, answered, blocked, billsec, minutes, cost);
    }
  }

  /**
   * The index that holds every column the count reads (V41) and the fewest entries for {@code f}: a
   * customer user's extensions, an extension, a number prefix longer than the summary rows keep,
   * the calls between a minimum duration and the next class limit. Forced: the optimiser sometimes
   * prefers a broader range of another index and a lookup of every row (0.3-0.6 s at 2 M calls
   * instead of milliseconds). {@code null}: the clustered key (the account's days).
   */
  static String index(CdrFilter f, Set<Long> only, Integer billsecBelow) {
    if (only != null) {
      return "cdr_extension_id_ix";
    }
    if (f.extension() != null) {
      return "cdr_extension_ix";
    }
    if (f.numberPrefix() != null && f.numberPrefix().length() > CdrFacets.PREFIX_DIGITS) {
      return "cdr_remote_ix";
    }
    return billsecBelow != null ? "cdr_billsec_ix" : null;
  }

  /** The calendar day in {@code zone} of the quarter-hour bucket {@code bucket}. */
  static LocalDate dayOf(long bucket, ZoneId zone) {
    return LocalDate.ofInstant(EPOCH.plus(BUCKET.multipliedBy(bucket)), zone);
  }
}
