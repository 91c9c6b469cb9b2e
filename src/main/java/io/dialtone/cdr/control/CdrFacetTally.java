package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.ClassCodes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additions of some calls to the facet tables ({@link CdrFacets}), summed per row first; {@link
 * #write} upserts them in key order (concurrent writers lock the same rows in the same order). Used
 * by {@link CdrWrites} with each batch of records and by the benchmark's generator, so both share
 * the statements.
 */
public final class CdrFacetTally {

  private static final String SUMS =
      """
       ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls), \
      answered = answered + VALUES(answered), blocked = blocked + VALUES(blocked), \
      billsec = billsec + VALUES(billsec), minutes = minutes + VALUES(minutes), \
      cost = cost + VALUES(cost)\
      """;

  /** The same rows set to the tally ({@link #replace}): no addition. */
  private static final String SET_SUMS =
      """
       ON DUPLICATE KEY UPDATE calls = VALUES(calls), answered = VALUES(answered), \
      blocked = VALUES(blocked), billsec = VALUES(billsec), minutes = VALUES(minutes), \
      cost = VALUES(cost)\
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

  private static final String NUMBER_INSERT =
      """
      INSERT INTO cdr_daily_number_facet (account_id, prefix, duration, day, direction, \
      disposition, dest_class, dest_country, calls, answered, blocked, billsec, minutes, cost) \
      VALUES \
      """;

  private static final String EXTENSION_DURATION_INSERT =
      """
      INSERT INTO cdr_daily_extension_duration (account_id, extension, duration, day, direction, \
      disposition, dest_class, dest_country, calls, answered, blocked, billsec, minutes, cost) \
      VALUES \
      """;

  /** Rows per multi-row upsert (the generator's large accounts have many). */
  private static final int CHUNK = 1000;

  private final Rows accounts = new Rows(ACCOUNT_INSERT, 12, false, false);
  private final Rows extensions = new Rows(EXTENSION_INSERT, 13, true, false);
  private final Rows numbers = new Rows(NUMBER_INSERT, 14, true, true);
  private final Rows extensionDurations = new Rows(EXTENSION_DURATION_INSERT, 14, true, true);

  /** Counts {@code r} on its account's calendar {@code day}, at {@code cost} (null: none). */
  public void add(CallRecord r, LocalDate day, BigDecimal cost) {
    add(
        new Call(
            r.accountId().value(),
            r.extensionDigits(),
            r.remoteDigits(),
            r.direction().code(),
            r.disposition().code(),
            ClassCodes.code(r.destination()),
            r.country(),
            r.billsec(),
            cost),
        day);
  }

  /** Counts a stored call (its codes as in the call row) on its account's calendar {@code day}. */
  void add(Call r, LocalDate day) {
    Key account =
        new Key(
            r.accountId(),
            "",
            0,
            day,
            r.direction(),
            r.disposition(),
            r.destClass(),
            r.country() == null ? "" : r.country());
    BigDecimal counted = r.cost() == null ? BigDecimal.ZERO : r.cost();
    accounts.add(account, r, counted);
    extensions.add(account.named(r.extension(), 0), r, counted);
    int duration = CdrFacets.durationClass(r.billsec());
    String digits = r.remoteDigits();
    // the V38 rows: the duration class for each prefix of the number up to PREFIX_DIGITS digits
    // ('' included) and for the extension
    for (int n = 0; n <= Math.min(CdrFacets.PREFIX_DIGITS, digits.length()); n++) {
      numbers.add(account.named(digits.substring(0, n), duration), r, counted);
    }
    extensionDurations.add(account.named(r.extension(), duration), r, counted);
  }

  /**
   * What the tables count of one call: the codes of the call row ({@code extension} and {@code
   * remoteDigits} '' when none, {@code country} null when none).
   */
  record Call(
      long accountId,
      String extension,
      String remoteDigits,
      int direction,
      int disposition,
      int destClass,
      String country,
      int billsec,
      BigDecimal cost) {

    Call {
      extension = extension == null ? "" : extension;
      remoteDigits = remoteDigits == null ? "" : remoteDigits;
    }
  }

  /** Adds the tally to the tables on the caller's connection (its transaction). */
  public void write(Connection c) throws SQLException {
    upsert(c, SUMS);
  }

  /**
   * Sets the tables' rows of the tally's keys to its sums (instead of adding them): for a tally of
   * every call of its days, which may be counted already ({@link CdrSummaryBackfill}).
   */
  void replace(Connection c) throws SQLException {
    upsert(c, SET_SUMS);
  }

  private void upsert(Connection c, String onDuplicate) throws SQLException {
    accounts.upsert(c, onDuplicate);
    extensions.upsert(c, onDuplicate);
    numbers.upsert(c, onDuplicate);
    extensionDurations.upsert(c, onDuplicate);
  }

  /**
   * One table's additions, per key; {@code name} and {@code duration}: whether the table has the
   * key's name (extension or prefix) and duration class.
   */
  private static final class Rows {

    private final String insert;
    private final String row;
    private final boolean name;
    private final boolean duration;
    private final Map<Key, long[]> sums = new TreeMap<>();
    private final Map<Key, BigDecimal> costs = new HashMap<>();

    Rows(String insert, int columns, boolean name, boolean duration) {
      this.insert = insert;
      this.row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
      this.name = name;
      this.duration = duration;
    }

    void add(Key k, Call r, BigDecimal cost) {
      long[] t = sums.computeIfAbsent(k, x -> new long[5]);
      t[0]++;
      t[1] += r.disposition() == Disposition.ANSWERED.code() ? 1 : 0;
      t[2] += r.disposition() == Disposition.BLOCKED.code() ? 1 : 0;
      t[3] += r.billsec();
      t[4] += CallRecorder.minutes(r.billsec());
      costs.merge(k, cost, BigDecimal::add);
    }

    void upsert(Connection c, String onDuplicate) throws SQLException {
      List<Key> keys = new ArrayList<>(sums.keySet());
      for (int from = 0; from < keys.size(); from += CHUNK) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
        String sql =
            new StringBuilder(insert)
                .append(String.join(", ", Collections.nCopies(chunk.size(), row)))
                .append(onDuplicate)
                .toString();
        try (PreparedStatement s = c.prepareStatement(sql)) {
          int p = 1;
          for (Key k : chunk) {
            long[] t = sums.get(k);
            s.setLong(p++, k.accountId);
            if (name) {
              s.setString(p++, k.name);
            }
            if (duration) {
              s.setInt(p++, k.duration);
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

  /**
   * A facet row's key, ordered as the tables' primary keys: {@code name} is the extension or the
   * number prefix ('' in the account's table), {@code duration} the class (0 where not kept).
   */
  private record Key(
      long accountId,
      String name,
      int duration,
      LocalDate day,
      int direction,
      int disposition,
      int destClass,
      String country)
      implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::accountId)
            .thenComparing(Key::name)
            .thenComparingInt(Key::duration)
            .thenComparing(Key::day)
            .thenComparingInt(Key::direction)
            .thenComparingInt(Key::disposition)
            .thenComparingInt(Key::destClass)
            .thenComparing(Key::country);

    Key named(String value, int durationClass) {
      return new Key(
          accountId, value, durationClass, day, direction, disposition, destClass, country);
    }

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }
}
