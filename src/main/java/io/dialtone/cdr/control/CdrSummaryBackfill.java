package io.dialtone.cdr.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Fills the facet tables (V31, V38) with the calls stored before they existed (V43), so that the
 * totals of every range read summary rows: per account, one calendar day per transaction ({@link
 * CdrBackfillDay}), from the day the tables started on back to the account's oldest call. Its
 * progress is stored ({@code cdr_summary_backfill.complete_from}), so a run stopped anywhere
 * resumes at the next day; the readers ({@link CdrFacets#totals}) count the call rows only before
 * that day. When no account has days left, the start markers of V31 and V38 are cleared. Audited
 * when it starts and when it finishes. A MariaDB named lock keeps two nodes from running it at
 * once; it runs outside any container transaction (each day commits on its own).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CdrSummaryBackfill {

  private static final Logger LOG = Logger.getLogger(CdrSummaryBackfill.class.getName());
  private static final String LOCK = "dialtone.cdr.summary-backfill";

  /** The accounts with calls before the tables started, with their oldest call. */
  private static final String OLDER_CALLS =
      "SELECT account_id, MIN(start_time) FROM cdr WHERE start_time < ? GROUP BY account_id";

  private static final String ADD =
      """
      INSERT IGNORE INTO cdr_summary_backfill (account_id, complete_from, oldest_day, started_at) \
      VALUES (?, ?, ?, UTC_TIMESTAMP(6))\
      """;

  private static final String LEFT =
      """
      SELECT account_id, complete_from, oldest_day FROM cdr_summary_backfill \
      WHERE finished_at IS NULL ORDER BY account_id\
      """;

  private static final String PROGRESS =
      """
      SELECT COUNT(*), COUNT(finished_at), \
      COALESCE(SUM(CASE WHEN finished_at IS NULL THEN DATEDIFF(complete_from, oldest_day) END), 0), \
      COALESCE(SUM(calls_counted), 0), MIN(started_at), MAX(finished_at) FROM cdr_summary_backfill\
      """;

  private static final List<String> CLEAR_MARKERS =
      List.of(
          "UPDATE cdr_facet_start SET complete_from = NULL WHERE id = 1",
          "UPDATE cdr_number_facet_start SET complete_from = NULL WHERE id = 1");

  /** Where the backfill stands. */
  public enum BackfillState {
    /** Every call is in the summary rows (the tables existed before the first call). */
    NOT_NEEDED,
    /** Older calls exist; the backfill has not started yet. */
    WAITING,
    /** Some accounts have days left. */
    RUNNING,
    /** Every account is done; every range reads summary rows. */
    DONE
  }

  /**
   * The backfill's progress: accounts with older calls and those done, days left, call rows read,
   * when it started and finished (UTC, {@code null} when not).
   */
  public record Progress(
      BackfillState state,
      long accounts,
      long accountsDone,
      long daysLeft,
      long callsCounted,
      Instant started,
      Instant finished) {}

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AuditTrail audit;

  @Inject AccountTree accounts;

  /**
   * Fills at most {@code maxDays} account-days, for at most {@code budget} (the day under way is
   * finished), then stops; where it stands. Does nothing while another node runs it.
   */
  public Progress run(int maxDays, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      LocalDateTime start = markers(c);
      if (start == null || !lock(c)) {
        return progress(c);
      }
      try {
        if (progress(c).state() == BackfillState.WAITING) {
          begin(c, start);
        }
        int days = 0;
        for (Left left : left(c)) {
          ZoneId zone = zoneOf(left.accountId());
          LocalDate day = left.completeFrom().minusDays(1);
          while (!day.isBefore(left.oldestDay())
              && days < maxDays
              && System.nanoTime() < deadline) {
            CdrBackfillDay.fill(c, left.accountId(), zone, day);
            days++;
            day = day.minusDays(1);
          }
          if (days >= maxDays || System.nanoTime() >= deadline) {
            break;
          }
        }
        if (left(c).isEmpty()) {
          finish(c);
        }
        return progress(c);
      } finally {
        try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
          unlock.setString(1, LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the call summaries' backfill failed", e);
    }
  }

  /** Where the backfill stands. */
  public Progress progress() {
    try (Connection c = dataSource.getConnection()) {
      return progress(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the call summaries' backfill", e);
    }
  }

  /** The later of the V31 and V38 start markers (UTC); {@code null}: the tables hold every call. */
  private static LocalDateTime markers(Connection c) throws SQLException {
    LocalDateTime outcomes = CdrFacets.completeFrom(c);
    LocalDateTime numbers = CdrFacets.numberCompleteFrom(c);
    if (outcomes == null || numbers == null) {
      return outcomes == null ? numbers : outcomes;
    }
    return outcomes.isAfter(numbers) ? outcomes : numbers;
  }

  private static Progress progress(Connection c) throws SQLException {
    boolean markers = markers(c) != null;
    try (PreparedStatement s = c.prepareStatement(PROGRESS);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      long all = rs.getLong(1);
      long done = rs.getLong(2);
      BackfillState state =
          markers
              ? all == 0 ? BackfillState.WAITING : BackfillState.RUNNING
              : all == 0 ? BackfillState.NOT_NEEDED : BackfillState.DONE;
      return new Progress(
          state,
          all,
          done,
          rs.getLong(3),
          rs.getLong(4),
          instant(rs.getObject(5, LocalDateTime.class)),
          markers ? null : instant(rs.getObject(6, LocalDateTime.class)));
    }
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  /**
   * Adds every account with calls before {@code start} (UTC), complete from the day after the one
   * {@code start} falls on in its zone; audited.
   */
  private void begin(Connection c, LocalDateTime start) throws SQLException {
    long added = 0;
    long days = 0;
    try (PreparedStatement s = c.prepareStatement(OLDER_CALLS)) {
      s.setObject(1, start);
      try (ResultSet rs = s.executeQuery();
          PreparedStatement add = c.prepareStatement(ADD)) {
        while (rs.next()) {
          long account = rs.getLong(1);
          ZoneId zone = zoneOf(account);
          LocalDate completeFrom =
              LocalDate.ofInstant(start.toInstant(ZoneOffset.UTC), zone).plusDays(1);
          LocalDate oldest =
              LocalDate.ofInstant(
                  rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), zone);
          add.setLong(1, account);
          add.setObject(2, completeFrom);
          add.setObject(3, oldest);
          added += add.executeUpdate();
          days += completeFrom.toEpochDay() - oldest.toEpochDay();
        }
      }
    }
    LOG.info("call summaries' backfill started: " + added + " accounts, " + days + " days");
    audit.record(
        AuditRecord.builder(AuditAction.CDR_SUMMARY_BACKFILL_STARTED, AuditResult.SUCCESS)
            .actor("system")
            .detail(
                "calls stored before "
                    + start.toLocalDate()
                    + " UTC: "
                    + added
                    + " accounts, "
                    + days
                    + " days to add to the summary rows")
            .build());
  }

  /** Clears the start markers: every call is in the summary rows; audited. */
  private void finish(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try {
      for (String sql : CLEAR_MARKERS) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.executeUpdate();
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    Progress p = progress(c);
    long seconds =
        p.started() == null || p.finished() == null
            ? 0
            : Duration.between(p.started(), p.finished()).toSeconds();
    LOG.info("call summaries' backfill finished: " + p.callsCounted() + " calls");
    audit.record(
        AuditRecord.builder(AuditAction.CDR_SUMMARY_BACKFILL_FINISHED, AuditResult.SUCCESS)
            .actor("system")
            .detail(
                "every call is in the summary rows: "
                    + p.accounts()
                    + " accounts, "
                    + p.callsCounted()
                    + " older calls added in "
                    + seconds
                    + " s")
            .build());
  }

  private record Left(long accountId, LocalDate completeFrom, LocalDate oldestDay) {}

  private static List<Left> left(Connection c) throws SQLException {
    List<Left> left = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(LEFT);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        left.add(
            new Left(
                rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
      }
    }
    return left;
  }

  /** The account's time zone (UTC for an account that no longer exists: none is ever deleted). */
  private ZoneId zoneOf(long accountId) {
    return accounts
        .find(accountId)
        .map(a -> ZoneId.of(a.profile().timeZone()))
        .orElse(ZoneOffset.UTC);
  }

  private static boolean lock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(?, 10)")) {
      lock.setString(1, LOCK);
      try (ResultSet rs = lock.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }
}
