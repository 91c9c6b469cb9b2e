package io.dialtone.incontainer;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  /** Overwrites the detail of row {@code id} with a direct UPDATE; returns the detail it had. */
  public String tamperDetail(long id, String detail) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
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
