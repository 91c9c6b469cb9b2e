package io.dialtone.launcher;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditHash;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.ChainHead;
import io.dialtone.audit.control.ChainLink;
import io.dialtone.audit.control.ChainVerification;
import io.dialtone.audit.control.ChainWalk;
import io.dialtone.audit.entity.AuditEvent;
import io.dialtone.platform.control.DataCipher;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * What a restore checks once the dump is loaded, each step a line of its report: a new dump of the
 * restored database gives every table the manifest's row count and checksum; Flyway's history is
 * the backup's, without a failed migration; the audit chain verifies from its first row to its head
 * (the application's own hash and walk); a stored secret of each data key decrypts with the
 * restored key. Also empties a database and marks it unusable after a failed restore.
 */
final class RestoreCheck {

  /** The table left in a database whose restore failed; the run command will not start on it. */
  static final String MARKER = "dialtone_restore_failed";

  /** Secret columns (table, column) as the components declare them through StoredSecrets. */
  private static final List<String[]> SECRET_COLUMNS =
      List.of(
          new String[] {"app_user", "totp_secret"},
          new String[] {"extension", "ha1_sha256"},
          new String[] {"extension", "ha1_md5"},
          new String[] {"trunk", "auth_password"});

  private RestoreCheck() {}

  static List<String> verify(DatabaseAccess db, BackupManifest manifest, Map<String, String> keys)
      throws IOException, InterruptedException, Restore.Failed {
    List<String> report = new ArrayList<>();
    DumpDigest digest = new DumpDigest();
    Process dump = db.dump().redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (InputStream in = dump.getInputStream()) {
      in.transferTo(digest);
    }
    if (dump.waitFor() != 0) {
      throw new Restore.Failed("the restored database could not be read back");
    }
    Map<String, DumpDigest.Table> restored = digest.tables();
    for (var expected : manifest.tables().entrySet()) {
      DumpDigest.Table actual = restored.get(expected.getKey());
      if (!expected.getValue().equals(actual)) {
        throw new Restore.Failed(
            "table %s differs from the backup (rows %s, expected %d)"
                .formatted(
                    expected.getKey(),
                    actual == null ? "none" : actual.rows(),
                    expected.getValue().rows()));
      }
    }
    if (restored.size() != manifest.tables().size()) {
      throw new Restore.Failed("the restored database holds tables the backup does not");
    }
    report.add(
        "Rows and checksums: all %d tables match the manifest (%d rows)"
            .formatted(restored.size(), manifest.totalRows()));
    try (Connection c = db.connect()) {
      report.add(flyway(c, manifest.flywayVersion()));
      report.add(auditChain(c));
      report.add(secrets(c, keys));
    } catch (SQLException e) {
      throw new Restore.Failed("the restored database did not answer: " + e.getMessage());
    }
    return report;
  }

  private static String flyway(Connection c, String expected) throws SQLException, Restore.Failed {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT SUM(success = 0), MAX(CASE WHEN success = 1 THEN installed_rank END)"
                    + " FROM flyway_schema_history")) {
      r.next();
      if (r.getLong(1) != 0) {
        throw new Restore.Failed("Flyway's history records a failed migration");
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT"
                    + " NULL ORDER BY installed_rank DESC LIMIT 1")) {
      String version = r.next() ? r.getString(1) : "none";
      if (!version.equals(expected)) {
        throw new Restore.Failed("schema version " + version + ", the backup's is " + expected);
      }
      return "Flyway: schema version " + version + ", no failed migration";
    }
  }

  static String auditChain(Connection c) throws SQLException, Restore.Failed {
    ChainHead head;
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")) {
      if (!r.next()) {
        throw new Restore.Failed("the audit chain head is missing");
      }
      head = new ChainHead(r.getLong(1), r.getString(2));
    }
    ChainWalk walk = new ChainWalk();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, occurred_at, actor, on_behalf_of, action, target, result, source_ip,"
                + " detail, account_id, prev_hash, row_hash FROM audit_event WHERE id <= ?"
                + " ORDER BY id",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      q.setLong(1, head.lastId());
      q.setFetchSize(1000);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          AuditEvent event =
              new AuditEvent(
                  r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                  r.getString(3),
                  r.getString(4),
                  AuditAction.valueOf(r.getString(5)),
                  r.getString(6),
                  AuditResult.valueOf(r.getString(7)),
                  r.getString(8),
                  r.getString(9),
                  r.getObject(10) == null ? null : r.getLong(10),
                  r.getString(11),
                  r.getString(12));
          if (!walk.accept(
              new ChainLink(
                  r.getLong(1), r.getString(11), r.getString(12), AuditHash.rowHash(event)))) {
            break;
          }
        }
      }
    }
    ChainVerification result = walk.finish(head);
    if (!result.intact()) {
      throw new Restore.Failed("the audit chain is broken at row " + result.firstBrokenId());
    }
    return "Audit chain: intact, " + result.checkedRows() + " rows up to its head";
  }

  private static String secrets(Connection c, Map<String, String> keys)
      throws SQLException, Restore.Failed {
    DataCipher cipher =
        new DataCipher(
            new DataCipher.Keys() {
              @Override
              public Optional<SecretKey> key(String id) {
                return Optional.ofNullable(keys.get(id))
                    .map(k -> DataCipher.aesKey(id, DataCipher.decodeBase64Key(k)));
              }

              @Override
              public String currentKeyId() {
                return keys.keySet().iterator().next();
              }
            });
    List<String> checked = new ArrayList<>();
    for (String id : keys.keySet()) {
      for (String[] column : SECRET_COLUMNS) {
        Optional<String> value = oneValue(c, column, DataCipher.prefix(id));
        if (value.isPresent()) {
          try {
            cipher.decrypt(value.get());
          } catch (IllegalStateException e) {
            throw new Restore.Failed(
                "a stored secret ("
                    + column[0]
                    + "."
                    + column[1]
                    + ") does not decrypt with key "
                    + id);
          }
          checked.add(id + " (" + column[0] + "." + column[1] + ")");
          break;
        }
      }
    }
    return checked.isEmpty()
        ? "Stored secrets: none to check"
        : "Stored secrets: decrypt with key " + String.join(", ", checked);
  }

  private static Optional<String> oneValue(Connection c, String[] column, String prefix)
      throws SQLException {
    if (!tableExists(c, column[0])) {
      return Optional.empty();
    }
    // Table and column names are constants of this class, never input.
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT `"
                + column[1]
                + "` FROM `"
                + column[0]
                + "` WHERE `"
                + column[1]
                + "` LIKE CONCAT(?, '%') LIMIT 1")) {
      q.setString(1, prefix);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = ?")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        return r.next() && r.getLong(1) > 0;
      }
    }
  }

  /** The base tables and views of the database. */
  static List<String> tables(DatabaseAccess db) throws IOException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
      List<String> names = new ArrayList<>();
      while (r.next()) {
        names.add(r.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new IOException("The database " + db.describe() + " did not answer: " + e.getMessage());
    }
  }

  /** Drops every table, view and routine of the database. */
  static void dropAll(DatabaseAccess db) throws IOException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      List<String> drops = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT table_name, table_type FROM information_schema.tables"
                  + " WHERE table_schema = DATABASE()")) {
        while (r.next()) {
          String kind = r.getString(2).equals("VIEW") ? "VIEW" : "TABLE";
          drops.add("DROP " + kind + " IF EXISTS `" + r.getString(1).replace("`", "``") + "`");
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT routine_name, routine_type FROM information_schema.routines"
                  + " WHERE routine_schema = DATABASE()")) {
        while (r.next()) {
          drops.add(
              "DROP " + r.getString(2) + " IF EXISTS `" + r.getString(1).replace("`", "``") + "`");
        }
      }
      for (String drop : drops) {
        s.execute(drop);
      }
    } catch (SQLException e) {
      throw new IOException("Could not empty " + db.describe() + ": " + e.getMessage());
    }
  }

  /** Empties the database and leaves the marker table with the reason. */
  static void markFailed(DatabaseAccess db, String reason) {
    try {
      dropAll(db);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + MARKER + " (reason VARCHAR(1000) NOT NULL)");
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + MARKER + " (reason) VALUES (?)")) {
          insert.setString(
              1, reason == null ? "unknown" : reason.substring(0, Math.min(1000, reason.length())));
          insert.executeUpdate();
        }
      }
    } catch (IOException | SQLException e) {
      System.err.println("Could not mark " + db.describe() + " unusable: " + e.getMessage());
    }
  }

  /** Whether the database holds the marker of a failed restore. */
  static boolean markedFailed(DatabaseAccess db) throws IOException {
    return tables(db).contains(MARKER);
  }
}
