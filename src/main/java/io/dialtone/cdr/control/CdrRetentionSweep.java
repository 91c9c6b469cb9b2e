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
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the {@link RetentionPlan} at a given instant (the nightly {@link CdrRetentionJob}, or a
 * test with its own clock): drops the expired monthly partitions, then deletes the expired rows of
 * accounts with a shorter retention in batches of {@value #BATCH} (each its own statement and
 * commit: no long transaction, no huge undo log), deletes the summary rows of the days that expired
 * ({@link CdrSummaryPruning}), and audits what it removed. DDL commits implicitly, so this runs
 * outside any transaction; a MariaDB named lock keeps two nodes from running it at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CdrRetentionSweep {

  /** Rows per DELETE. */
  static final int BATCH = 5000;

  private static final Logger LOG = Logger.getLogger(CdrRetentionSweep.class.getName());
  private static final String LOCK = "dialtone.cdr.retention";

  private static final String OWN =
      "SELECT account_id, months FROM cdr_retention WHERE months <> ?";

  private static final String DELETE_ACCOUNT =
      "DELETE FROM cdr WHERE account_id = ? AND start_time < ? LIMIT ?";

  private static final String DELETE_DEFAULT =
      """
      DELETE FROM cdr WHERE start_time < ? AND account_id NOT IN
        (SELECT account_id FROM cdr_retention WHERE months <> ?) LIMIT ?
      """;

  /** What one run removed: partitions, call rows, summary rows ({@link CdrSummaryPruning}). */
  public record Outcome(java.util.List<String> dropped, long deletedRows, long summaryRows) {}

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AuditTrail audit;

  @Inject AccountTree accounts;

  public Outcome apply(Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      lock(c);
      try {
        Map<Long, Integer> own = own(c);
        RetentionPlan plan = RetentionPlan.at(now, CdrPartitions.partitions(c), own);
        for (String partition : plan.drop()) {
          try (Statement s = c.createStatement()) {
            s.execute(dropStatement(partition));
          }
          LOG.info(() -> "cdr retention: dropped partition " + partition);
        }
        long deleted = 0;
        StringBuilder groups = new StringBuilder();
        for (RetentionPlan.RowDeletion d : plan.deletes()) {
          long n = delete(c, d);
          deleted += n;
          groups.append(' ').append(d.months()).append("m:").append(n);
        }
        long summaries = pruneSummaries(c, now, own);
        Outcome outcome = new Outcome(plan.drop(), deleted, summaries);
        audit.record(
            AuditRecord.builder(AuditAction.CDR_RETENTION_APPLIED, AuditResult.SUCCESS)
                .actor("system")
                .detail(
                    "dropped partitions "
                        + plan.drop()
                        + "; deleted rows "
                        + deleted
                        + (groups.isEmpty() ? "" : " (" + groups.toString().strip() + ")")
                        + "; deleted summary rows "
                        + summaries)
                .build());
        return outcome;
      } finally {
        try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
          unlock.setString(1, LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      audit.record(
          AuditRecord.builder(AuditAction.CDR_RETENTION_APPLIED, AuditResult.FAILURE)
              .actor("system")
              .detail("failed: " + e.getMessage())
              .build());
      throw new IllegalStateException("cdr retention failed", e);
    }
  }

  /** The DDL that drops a partition named by {@link PartitionPlan} (checked: never free text). */
  static String dropStatement(String partition) {
    if (PartitionPlan.monthOf(partition).isEmpty()) {
      throw new IllegalArgumentException("not a monthly partition: " + partition);
    }
    return "ALTER TABLE " + PartitionPlan.TABLE + " DROP PARTITION " + partition;
  }

  /**
   * Deletes each account's summary rows of the days before the one its retention starts in (in the
   * account's time zone, as the summary rows count days).
   */
  private long pruneSummaries(Connection c, Instant now, Map<Long, Integer> own)
      throws SQLException {
    long total = 0;
    for (Map.Entry<Long, LocalDate> oldest : CdrSummaryPruning.oldestDays(c).entrySet()) {
      long account = oldest.getKey();
      Instant cutoff =
          RetentionPlan.cutoff(now, own.getOrDefault(account, RetentionPlan.DEFAULT_MONTHS));
      // no zone is a day ahead of UTC's next day: only then is the account's zone needed
      if (!oldest.getValue().isBefore(LocalDate.ofInstant(cutoff, ZoneOffset.UTC).plusDays(1))) {
        continue;
      }
      LocalDate firstKept = LocalDate.ofInstant(cutoff, zoneOf(account));
      if (oldest.getValue().isBefore(firstKept)) {
        total += CdrSummaryPruning.prune(c, account, firstKept);
      }
    }
    return total;
  }

  /** The account's time zone (UTC for an account that no longer exists: none is ever deleted). */
  private ZoneId zoneOf(long accountId) {
    return accounts
        .find(accountId)
        .map(a -> ZoneId.of(a.profile().timeZone()))
        .orElse(ZoneOffset.UTC);
  }

  private long delete(Connection c, RetentionPlan.RowDeletion d) throws SQLException {
    long total = 0;
    if (d.defaultGroup()) {
      total += deleteLoop(c, DELETE_DEFAULT, d.before(), null);
    } else {
      for (long account : d.accounts()) {
        total += deleteLoop(c, DELETE_ACCOUNT, d.before(), account);
      }
    }
    return total;
  }

  private long deleteLoop(Connection c, String sql, Instant before, Long account)
      throws SQLException {
    long total = 0;
    while (true) {
      int n;
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        if (account != null) {
          s.setLong(i++, account);
        }
        s.setObject(i++, CdrQueries.utc(before));
        if (account == null) {
          s.setInt(i++, RetentionPlan.DEFAULT_MONTHS);
        }
        s.setInt(i, BATCH);
        n = s.executeUpdate();
      }
      total += n;
      if (n < BATCH) {
        return total;
      }
    }
  }

  private static Map<Long, Integer> own(Connection c) throws SQLException {
    Map<Long, Integer> own = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(OWN)) {
      s.setInt(1, RetentionPlan.DEFAULT_MONTHS);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          own.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return own;
  }

  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(?, 60)")) {
      lock.setString(1, LOCK);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw new SQLException("another node holds " + LOCK + " for over 60 s");
        }
      }
    }
  }
}
