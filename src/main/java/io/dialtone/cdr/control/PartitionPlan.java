package io.dialtone.cdr.control;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which monthly partitions of {@code cdr} to add so that the months {@code from..to} each have
 * their own, as {@code ALTER TABLE ... REORGANIZE PARTITION} statements. Partition {@code pYYYYMM}
 * holds start times before the first day of the next month (UTC); the lowest one also holds
 * everything older, {@code pmax} everything newer. Months above the highest are split off {@code
 * pmax} (instant while pmax is empty, which adding ahead of time keeps it); months below the lowest
 * are split off the lowest (which copies its rows: meant for a new store and for generated data).
 */
public final class PartitionPlan {

  public static final String TABLE = "cdr";
  public static final String CATCH_ALL = "pmax";
  private static final Pattern NAME = Pattern.compile("p([0-9]{4})([0-9]{2})");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

  private PartitionPlan() {}

  /** The month of a partition name ({@code p202611}), if it is a monthly partition. */
  public static Optional<YearMonth> monthOf(String partition) {
    Matcher m = NAME.matcher(partition);
    return m.matches()
        ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  public static String nameOf(YearMonth month) {
    return "p" + month.format(SUFFIX);
  }

  /** The statements that give each month of {@code from..to} a partition (none if they have). */
  public static List<String> statements(List<String> existing, YearMonth from, YearMonth to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to before from");
    }
    TreeSet<YearMonth> months = new TreeSet<>();
    existing.forEach(p -> monthOf(p).ifPresent(months::add));
    List<String> statements = new ArrayList<>();
    if (months.isEmpty()) {
      statements.add(split(CATCH_ALL, from, to, true));
      return statements;
    }
    if (to.isAfter(months.last())) {
      statements.add(split(CATCH_ALL, months.last().plusMonths(1), to, true));
    }
    if (from.isBefore(months.first())) {
      statements.add(split(nameOf(months.first()), from, months.first(), false));
    }
    return statements;
  }

  /**
   * REORGANIZE {@code partition} into one partition per month {@code first..last} (inclusive),
   * followed by pmax when splitting pmax; splitting the lowest, {@code last} is that partition.
   */
  private static String split(String partition, YearMonth first, YearMonth last, boolean max) {
    StringBuilder ddl = new StringBuilder("ALTER TABLE ").append(TABLE);
    ddl.append(" REORGANIZE PARTITION ").append(partition).append(" INTO (");
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      ddl.append("PARTITION ").append(nameOf(m)).append(" VALUES LESS THAN ('");
      ddl.append(m.plusMonths(1).atDay(1)).append(" 00:00:00'), ");
    }
    if (max) {
      ddl.append("PARTITION ").append(CATCH_ALL).append(" VALUES LESS THAN (MAXVALUE), ");
    }
    ddl.setLength(ddl.length() - 2);
    return ddl.append(')').toString();
  }
}
