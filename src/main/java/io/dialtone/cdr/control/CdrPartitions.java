package io.dialtone.cdr.control;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps monthly partitions of {@code cdr} ahead of the calls: the current month (UTC) and the next
 * {@link #MONTHS_AHEAD} exist at all times ({@link CdrPartitionJob} calls {@link
 * #ensureAhead(Instant)} at start-up and daily), so a new month's first call always finds its
 * partition, and pmax (the catch-all) stays empty. DDL commits implicitly, so this runs outside any
 * transaction; a MariaDB named lock serialises the nodes of a cluster.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CdrPartitions {

  /** Months after the current one that always have a partition. */
  public static final int MONTHS_AHEAD = 2;

  private static final Logger LOG = Logger.getLogger(CdrPartitions.class.getName());
  private static final String LOCK = "dialtone.cdr.partitions";

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** The partition names of {@code cdr}, in order. */
  public List<String> partitions() {
    try (Connection c = dataSource.getConnection()) {
      return partitions(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the partitions of cdr", e);
    }
  }

  /** Adds what is missing for the month of {@code now} and the {@link #MONTHS_AHEAD} after it. */
  public List<String> ensureAhead(Instant now) {
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    return ensure(month, month.plusMonths(MONTHS_AHEAD));
  }

  /** Adds what is missing for each month {@code from..to}; returns the statements it ran. */
  public List<String> ensure(YearMonth from, YearMonth to) {
    try (Connection c = dataSource.getConnection()) {
      return ensure(c, from, to);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add partitions to cdr", e);
    }
  }

  /** The same on a connection of the caller's (the bench and demo generator). */
  public static List<String> ensure(Connection c, YearMonth from, YearMonth to)
      throws SQLException {
    lock(c);
    try {
      List<String> ran = new ArrayList<>();
      for (String ddl : PartitionPlan.statements(partitions(c), from, to)) {
        try (Statement s = c.createStatement()) {
          s.execute(ddl);
        }
        LOG.info(() -> "cdr partitions: " + ddl);
        ran.add(ddl);
      }
      return ran;
    } finally {
      try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        unlock.setString(1, LOCK);
        unlock.execute();
      }
    }
  }

  static List<String> partitions(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            """
            SELECT partition_name FROM information_schema.partitions
            WHERE table_schema = DATABASE() AND table_name = ?
            ORDER BY partition_ordinal_position
            """)) {
      q.setString(1, PartitionPlan.TABLE);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
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
