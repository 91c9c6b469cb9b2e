package io.dialtone.bench;

import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CdrFacetTally;
import io.dialtone.cdr.control.CdrPartitions;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.RateTable;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.cdr.entity.BillingIncrement;
import io.dialtone.cdr.entity.ClassCodes;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.kernel.entity.Money;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes generated call records ({@link CdrDistribution}) into a Dialtone database for benchmarks
 * and demos: creates a reseller with {@code accounts} customer accounts (the first one "large",
 * holding {@code largeShare} of the rows), a bench rate deck when there is none, the monthly
 * partitions, then each account's calls in start order with one {@code LOAD DATA LOCAL INFILE} per
 * account (the connection needs {@code allowLocalInfile=true}), rated like {@code CallRecorder}
 * (the account's currency, the deck at the start time), and the daily totals of each account and
 * extension. Run on a store without these accounts' calls: Call-IDs are derived from the seed and
 * would collide on a second run with the same seed.
 *
 * <p>{@code java io.dialtone.bench.CdrGenerator jdbcUrl user password accounts rows [days]
 * [largeShare] [seed]} (bench/cdr-bench.sh), or {@link #generate} from the run command.
 */
public final class CdrGenerator {

  private static final String[] ZONES = {
    "America/Toronto", "America/Montreal", "America/Vancouver", "America/Winnipeg",
    "America/Halifax", "America/New_York", "America/Edmonton", "America/Chicago"
  };
  private static final String[] AREA_CODES = {
    "416", "514", "604", "204", "902", "212", "780", "312"
  };

  /** What a run wrote. */
  public record Result(long largeAccount, List<Long> accounts, long rows, Duration took) {}

  private CdrGenerator() {}

  public static void main(String[] args) throws SQLException {
    int accounts = Integer.parseInt(args[3]);
    long rows = Long.parseLong(args[4]);
    int days = args.length > 5 ? Integer.parseInt(args[5]) : 365;
    double largeShare = args.length > 6 ? Double.parseDouble(args[6]) : 0.2;
    long seed = args.length > 7 ? Long.parseLong(args[7]) : 42;
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
        Connection second = DriverManager.getConnection(args[0], args[1], args[2])) {
      Result r =
          generate(List.of(c, second), accounts, rows, days, largeShare, seed, Instant.now(), true);
      System.out.printf(
          "generated %,d call records for %d accounts (large account id %d) in %.1f s = %,.0f rows/s%n",
          r.rows(),
          r.accounts().size(),
          r.largeAccount(),
          r.took().toMillis() / 1000.0,
          r.rows() / Math.max(0.001, r.took().toMillis() / 1000.0));
    }
  }

  /** Generates {@code rows} calls of the last {@code days} days before {@code now}. */
  public static Result generate(
      List<Connection> workers,
      int accounts,
      long rows,
      int days,
      double largeShare,
      long seed,
      Instant now,
      boolean progress)
      throws SQLException {
    long t0 = System.nanoTime();
    Connection c = workers.get(0);
    Instant to = now.truncatedTo(ChronoUnit.SECONDS);
    Instant from = to.minus(Duration.ofDays(days));
    c.setAutoCommit(true);
    CdrPartitions.ensure(
        c,
        YearMonth.from(from.atOffset(ZoneOffset.UTC)),
        YearMonth.from(to.atOffset(ZoneOffset.UTC)).plusMonths(2));
    RateTable deck = deck(c, from);
    List<Long> ids = accounts(c, accounts, seed);
    long large = Math.round(rows * (accounts == 1 ? 1.0 : largeShare));
    long rest = rows - large;
    AtomicLong written = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<SQLException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      int worker = w;
      Connection wc = workers.get(w);
      Thread t =
          new Thread(
              () -> {
                try {
                  wc.setAutoCommit(false);
                  for (int i = worker; i < ids.size(); i += workers.size()) {
                    long n =
                        i == 0
                            ? large
                            : rest / (accounts - 1) + (i - 1 < rest % (accounts - 1) ? 1 : 0);
                    ZoneId zone = ZoneId.of(ZONES[i % ZONES.length]);
                    CdrDistribution calls =
                        new CdrDistribution(
                            ids.get(i),
                            zone,
                            AREA_CODES[i % AREA_CODES.length],
                            i == 0 ? 200 : 10,
                            seed);
                    long total =
                        written.addAndGet(write(wc, calls.calls((int) n, from, to), deck, zone));
                    wc.commit();
                    if (progress && (i < 2 || i % 100 == 0)) {
                      System.out.printf(
                          "  account %d/%d: %,d rows so far, %.0f s%n",
                          i + 1, ids.size(), total, (System.nanoTime() - t0) / 1e9);
                    }
                  }
                  wc.setAutoCommit(true);
                } catch (SQLException e) {
                  failures.add(e);
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "ANALYZE TABLE cdr, cdr_daily_account, cdr_daily_extension, cdr_daily_facet,"
              + " cdr_daily_extension_facet");
    }
    return new Result(ids.get(0), ids, written.get(), Duration.ofNanos(System.nanoTime() - t0));
  }

  private static long write(Connection c, List<CallRecord> calls, RateTable deck, ZoneId zone)
      throws SQLException {
    Map<LocalDate, long[]> days = new TreeMap<>();
    Map<String, long[]> extDays = new TreeMap<>();
    Map<LocalDate, BigDecimal> dayCost = new TreeMap<>();
    Map<String, BigDecimal> extDayCost = new TreeMap<>();
    CdrFacetTally facets = new CdrFacetTally();
    Path tsv = tempFile();
    try (BufferedWriter out = Files.newBufferedWriter(tsv, StandardCharsets.US_ASCII)) {
      for (CallRecord r : calls) {
        BigDecimal cost = cost(r, deck);
        line(out, r, cost);
        LocalDate day = LocalDate.ofInstant(r.start(), zone);
        String extDay = r.extensionDigits() + ' ' + day;
        add(days.computeIfAbsent(day, d -> new long[5]), r);
        add(extDays.computeIfAbsent(extDay, d -> new long[5]), r);
        BigDecimal counted = cost == null ? BigDecimal.ZERO : cost;
        facets.add(r, day, cost);
        dayCost.merge(day, counted, BigDecimal::add);
        extDayCost.merge(extDay, counted, BigDecimal::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "LOAD DATA LOCAL INFILE '"
              + tsv.toAbsolutePath()
              + "' INTO TABLE cdr CHARACTER SET ascii FIELDS TERMINATED BY '\\t'"
              + " LINES TERMINATED BY '\\n' (account_id, extension, direction, caller, callee,"
              + " remote_digits, dest_class, dest_country, start_time, answer_time, end_time,"
              + " billsec, disposition, block_reason, block_rule_id, trunk, trunk_attempts, cost,"
              + " currency, call_id)");
    } finally {
      try {
        Files.delete(tsv);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    long account = calls.isEmpty() ? 0 : calls.get(0).accountId().value();
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec, minutes, cost)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      for (var e : days.entrySet()) {
        s.setLong(1, account);
        s.setObject(2, e.getKey());
        totals(s, 3, e.getValue(), dayCost.get(e.getKey()));
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT INTO cdr_daily_extension (account_id, extension, day, calls, answered, blocked,
              billsec, minutes, cost)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      for (var e : extDays.entrySet()) {
        String[] key = e.getKey().split(" ");
        s.setLong(1, account);
        s.setString(2, key[0]);
        s.setObject(3, LocalDate.parse(key[1]));
        totals(s, 4, e.getValue(), extDayCost.get(e.getKey()));
        s.addBatch();
      }
      s.executeBatch();
    }
    facets.write(c);
    return calls.size();
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("cdr-", ".tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(long[] t, CallRecord r) {
    t[0]++;
    t[1] += r.disposition() == Disposition.ANSWERED ? 1 : 0;
    t[2] += r.disposition() == Disposition.BLOCKED ? 1 : 0;
    t[3] += r.billsec();
    t[4] += (r.billsec() + 59) / 60;
  }

  private static void totals(PreparedStatement s, int p, long[] t, BigDecimal cost)
      throws SQLException {
    for (int i = 0; i < 5; i++) {
      s.setLong(p + i, t[i]);
    }
    s.setBigDecimal(p + 5, cost);
  }

  /** Like CallRecorder: answered outbound calls at the deck's rate in CAD, else 0. */
  static BigDecimal cost(CallRecord r, RateTable deck) {
    if (r.direction() != Direction.OUTBOUND
        || r.disposition() != Disposition.ANSWERED
        || r.billsec() == 0) {
      return BigDecimal.ZERO;
    }
    return deck.find(r.remoteDigits(), "CAD", r.start())
        .map(rate -> rate.cost(r.billsec()).amount())
        .orElse(null);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** One tab-separated line for LOAD DATA ({@code \\N} = NULL). */
  private static void line(BufferedWriter out, CallRecord r, BigDecimal cost) throws IOException {
    Object[] v = {
      r.accountId(),
      r.extensionDigits(),
      r.direction().code(),
      r.caller(),
      r.callee(),
      r.remoteDigits(),
      ClassCodes.code(r.destination()),
      r.country(),
      TIME.format(r.start()),
      r.answer() == null ? null : TIME.format(r.answer()),
      TIME.format(r.end()),
      r.billsec(),
      r.disposition().code(),
      r.blockReason() == null ? null : r.blockReason().name(),
      r.blockRuleId(),
      r.trunk(),
      TrunkAttempt.encode(r.trunkAttempts()),
      cost == null ? null : cost.toPlainString(),
      "CAD",
      r.callId()
    };
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        out.write('\t');
      }
      out.write(v[i] == null ? "\\N" : v[i].toString().replace("\\", "\\\\"));
    }
    out.write('\n');
  }

  /**
   * Writes {@code calls} of one account that has no daily totals yet, as the generator does (one
   * bulk load, then its daily totals), priced with the deck already stored (none is inserted): how
   * browser tests seed a running server's store. The connection needs {@code
   * allowLocalInfile=true}; the caller commits.
   */
  public static long writeAccount(Connection c, List<CallRecord> calls, ZoneId zone)
      throws SQLException {
    return write(c, calls, storedDeck(c), zone);
  }

  /** The deck in the database; a bench deck (CAD) is inserted first when there is none. */
  static RateTable deck(Connection c, Instant from) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rate")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        insertBenchDeck(c);
      }
    }
    return storedDeck(c);
  }

  private static RateTable storedDeck(Connection c) throws SQLException {
    List<Rate> rates = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT prefix, price_per_minute, currency, first_increment, next_increment,"
                    + " effective_from, effective_to FROM rate")) {
      while (rs.next()) {
        LocalDateTime until = rs.getObject(7, LocalDateTime.class);
        rates.add(
            new Rate(
                rs.getString(1),
                null,
                Money.of(rs.getBigDecimal(2), rs.getString(3)),
                new BillingIncrement(rs.getInt(4), rs.getInt(5)),
                rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                until == null ? null : until.toInstant(ZoneOffset.UTC)));
      }
    }
    return new RateTable(rates);
  }

  private static void insertBenchDeck(Connection c) throws SQLException {
    String[][] deck = {
      {"+1", "Canada and US", "0.01000", "6/6"}, {"+1800", "Toll-free", "0.00000", "60/60"},
      {"+1900", "US premium", "1.99000", "60/60"}, {"+44", "United Kingdom", "0.02000", "6/6"},
      {"+447", "United Kingdom mobile", "0.08000", "6/6"}, {"+33", "France", "0.02500", "6/6"},
      {"+336", "France mobile", "0.06000", "6/6"}, {"+49", "Germany", "0.02500", "6/6"},
      {"+4915", "Germany mobile", "0.08000", "6/6"}, {"+91", "India", "0.04000", "60/60"},
      {"+52", "Mexico", "0.03000", "60/60"}, {"+63", "Philippines", "0.15000", "60/60"},
      {"+86", "China", "0.03000", "6/6"}, {"+39", "Italy", "0.03000", "6/6"},
      {"+34", "Spain", "0.03000", "6/6"}, {"+55", "Brazil", "0.09000", "60/60"},
      {"+509", "Haiti", "0.35000", "60/60"}, {"+212", "Morocco", "0.25000", "60/60"}
    };
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT INTO rate (prefix, description, price_per_minute, currency, first_increment,
              next_increment, effective_from)
            VALUES (?, ?, ?, 'CAD', ?, ?, '2020-01-01 00:00:00')
            """)) {
      for (String[] r : deck) {
        BillingIncrement inc = BillingIncrement.parse(r[3]);
        s.setString(1, r[0]);
        s.setString(2, r[1]);
        s.setBigDecimal(3, new BigDecimal(r[2]));
        s.setInt(4, inc.first());
        s.setInt(5, inc.next());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** A new reseller with {@code n} customer accounts; their ids, the large account first. */
  private static List<Long> accounts(Connection c, int n, long seed) throws SQLException {
    List<Long> ids = new ArrayList<>();
    long reseller = insertAccount(c, 1L, "RESELLER", "Generated reseller " + seed, ZONES[0]);
    for (int i = 0; i < n; i++) {
      ids.add(
          insertAccount(
              c,
              reseller,
              "CUSTOMER",
              String.format("Generated customer %04d (%d)", i + 1, seed),
              ZONES[i % ZONES.length]));
    }
    return ids;
  }

  private static long insertAccount(
      Connection c, long parent, String kind, String name, String zone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT INTO account (parent_id, kind, name, status, created_at, time_zone, currency)
            VALUES (?, ?, ?, 'ACTIVE', UTC_TIMESTAMP(6), ?, 'CAD')
            """,
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, parent);
      s.setString(2, kind);
      s.setString(3, name);
      s.setString(4, zone);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
