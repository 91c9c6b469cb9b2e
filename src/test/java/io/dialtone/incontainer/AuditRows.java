package io.dialtone.incontainer;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * In-container fixture: plain JDBC on {@code audit_event} as the application's database user, as
 * someone with the database password could do behind the application's back. Each statement commits
 * on its own.
 */
@ApplicationScoped
public class AuditRows {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /**
   * Overwrites the detail of row {@code id} as an attacker with the schema owner's rights would:
   * drop the append-only trigger, UPDATE, put the trigger back. Returns the detail it had.
   */
  public String tamperDetail(long id, String detail) throws SQLException {
    try (Connection db = dataSource.getConnection();
        Statement ddl = db.createStatement()) {
      db.setAutoCommit(true);
      ddl.execute("DROP TRIGGER audit_event_no_update");
      try {
        return overwrite(db, id, detail);
      } finally {
        ddl.execute(
            "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'");
      }
    }
  }

  /** A plain UPDATE of row {@code id} as the application's user; returns the rows changed. */
  public int plainUpdate(long id) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement update =
            db.prepareStatement("UPDATE audit_event SET detail = 'changed' WHERE id = ?")) {
      update.setLong(1, id);
      return update.executeUpdate();
    }
  }

  /** A plain DELETE of row {@code id} as the application's user; returns the rows removed. */
  public int plainDelete(long id) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement delete = db.prepareStatement("DELETE FROM audit_event WHERE id = ?")) {
      delete.setLong(1, id);
      return delete.executeUpdate();
    }
  }

  private static String overwrite(Connection db, long id, String detail) throws SQLException {
    String before;
    try (PreparedStatement read =
        db.prepareStatement("SELECT detail FROM audit_event WHERE id = ?")) {
      read.setLong(1, id);
      try (ResultSet rs = read.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no audit row " + id);
        }
        before = rs.getString(1);
      }
    }
    try (PreparedStatement update =
        db.prepareStatement("UPDATE audit_event SET detail = ? WHERE id = ?")) {
      update.setString(1, detail);
      update.setLong(2, id);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("audit row " + id + " was not updated");
      }
    }
    return before;
  }

  /** How many rows name {@code actor}. */
  public long countByActor(String actor) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement count =
            db.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE actor = ?")) {
      count.setString(1, actor);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
