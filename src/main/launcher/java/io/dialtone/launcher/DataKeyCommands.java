package io.dialtone.launcher;

import io.dialtone.platform.control.DataCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's key commands, beside a running Dialtone (docs/operations.md "Data keys and
 * rotation"):
 *
 * <ul>
 *   <li>{@code rotate-keys <id>}: the key file {@code <id>.key} in the keys folder (created,
 *       owner-only, unless it is there), then the rotation started with the statements and rules of
 *       the Data keys page: refused while a rotation runs or when the key is retired. Running nodes
 *       write new secrets with it within their reread time and move the stored ones in the
 *       background.
 *   <li>{@code retire-key <id>}: marks a key retired once the latest rotation has finished and
 *       moved every secret to another key (the page counts each key's uses; this command knows no
 *       columns, so it asks that proof instead).
 * </ul>
 *
 * The command cannot append to the audit chain beside running nodes: it writes its change with the
 * audit flag FALSE, and the first node whose rotation job sees it audits it (actor {@code
 * operator}).
 */
public final class DataKeyCommands {

  /** The actor the audit trail names for the command line. */
  static final String OPERATOR = "operator";

  /** A command refused, with the message for the operator; nothing was changed. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private DataKeyCommands() {}

  /** Starts a rotation to {@code keyId}, creating its key file if needed; the lines to print. */
  public static List<String> rotate(Map<String, String> env, String keyId)
      throws Refused, IOException {
    String id = checkedId(keyId);
    DataKeyFiles files = DataKeyFiles.of(env);
    Map<String, String> held = files.read();
    if (id.equals(DataKeyFiles.FIRST_KEY_ID) && !held.containsKey(id)) {
      throw new Refused(id + " is the first key's name: choose another name for a new key.");
    }
    List<String> lines = new ArrayList<>();
    String previous;
    try (Connection db = connect(env)) {
      db.setAutoCommit(false);
      if (stateOf(db, id).filter("RETIRED"::equals).isPresent()) {
        throw new Refused("Key " + id + " is retired: choose a new key.");
      }
      if (running(db)) {
        throw new Refused("A rotation is running: wait until it has finished.");
      }
      previous = current(db).orElseGet(() -> defaultCurrent(held));
      if (!held.containsKey(id)) {
        Path file = files.folder().resolve(id + ".key");
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        DialtoneHome.writePrivate(file, Base64.getEncoder().encodeToString(key));
        lines.add("New key " + id + " written to " + file + " (owner-only).");
      } else {
        lines.add("Key " + id + " is in the keys folder: it is used as it is.");
      }
      Timestamp now = Timestamp.from(Instant.now());
      try {
        update(
            db,
            """
            INSERT INTO data_key_rotation
                   (target_key_id, state, started_at, started_by, start_audited)
            VALUES (?, 'RUNNING', ?, ?, FALSE)""",
            id,
            now,
            OPERATOR);
      } catch (SQLIntegrityConstraintViolationException e) {
        db.rollback();
        throw new Refused("A rotation is running: wait until it has finished.");
      }
      update(db, "UPDATE data_key SET state = 'ACTIVE' WHERE state = 'CURRENT'");
      update(
          db,
          "INSERT IGNORE INTO data_key (key_id, state, added_at) VALUES (?, 'ACTIVE', ?)",
          previous,
          now);
      update(
          db,
          """
          INSERT INTO data_key (key_id, state, added_at) VALUES (?, 'CURRENT', ?)
          ON DUPLICATE KEY UPDATE state = 'CURRENT', retired_at = NULL""",
          id,
          now);
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("The rotation could not be recorded: " + e.getMessage(), e);
    }
    lines.add(
        "Rotation from "
            + previous
            + " to "
            + id
            + " started: running nodes write new secrets with "
            + id
            + " within DIALTONE_DATA_KEYS_CACHE_SECONDS (10 s) and move the stored ones in the"
            + " background; follow it on the Data keys page.");
    lines.add(
        "With several nodes: copy the key file to the keys folder of every node (before the"
            + " rotation, then this command uses it as it is).");
    return lines;
  }

  /** Marks {@code keyId} retired; the lines to print. */
  public static List<String> retire(Map<String, String> env, String keyId) throws Refused {
    String id = checkedId(keyId);
    try (Connection db = connect(env)) {
      db.setAutoCommit(false);
      Optional<String> state = stateOf(db, id);
      if (state.isEmpty()) {
        throw new Refused(
            "No rotation has used key "
                + id
                + ": retire it on the Data keys page, which counts"
                + " its uses.");
      }
      if (state.get().equals("RETIRED")) {
        return List.of("Key " + id + " was already retired.");
      }
      if (state.get().equals("CURRENT")) {
        throw new Refused("Key " + id + " is the current key: rotate to another key first.");
      }
      if (running(db)) {
        throw new Refused(
            "Key "
                + id
                + " may still encrypt secrets: a rotation is running, wait until it has"
                + " finished.");
      }
      Timestamp now = Timestamp.from(Instant.now());
      update(
          db,
          """
          UPDATE data_key SET state = 'RETIRED', retired_at = ?, retire_audited = FALSE
          WHERE key_id = ? AND state = 'ACTIVE'""",
          now,
          id);
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("The key could not be retired: " + e.getMessage(), e);
    }
    return List.of("Key " + id + " retired: no secret uses it. Remove its file from every node.");
  }

  /**
   * {@code bin/dialtone rotate-keys <id>} and {@code retire-key <id>}: prints what was done, or the
   * refusal on stderr and exits 1.
   */
  static void main(String command, String[] args) {
    if (args.length != 1) {
      System.err.println("Usage: dialtone " + command + " <key id>");
      System.exit(2);
    }
    try {
      (command.equals("rotate-keys")
              ? rotate(System.getenv(), args[0])
              : retire(System.getenv(), args[0]))
          .forEach(System.out::println);
    } catch (Refused | IOException | RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static String checkedId(String keyId) throws Refused {
    String id = keyId == null ? "" : keyId.strip();
    if (!DataCipher.isKeyId(id)) {
      throw new Refused("“" + id + "” is not a key name: 1 to 32 letters, digits, - or _.");
    }
    return id;
  }

  private static Connection connect(Map<String, String> env) throws Refused {
    DatabaseAccess access = DatabaseAccess.of(env);
    try {
      return access.connect();
    } catch (SQLException e) {
      throw new Refused(
          "Dialtone's database ("
              + access.describe()
              + ") does not answer: start Dialtone first (nothing was changed).");
    }
  }

  /** As the application's rule: k1 when held, else the only key. */
  private static String defaultCurrent(Map<String, String> held) {
    if (held.containsKey(DataKeyFiles.FIRST_KEY_ID) || held.size() != 1) {
      return DataKeyFiles.FIRST_KEY_ID;
    }
    return held.keySet().iterator().next();
  }

  private static Optional<String> stateOf(Connection db, String id) throws SQLException {
    return one(db, "SELECT state FROM data_key WHERE key_id = ?", id);
  }

  private static Optional<String> current(Connection db) throws SQLException {
    return one(db, "SELECT key_id FROM data_key WHERE state = 'CURRENT'");
  }

  private static boolean running(Connection db) throws SQLException {
    return one(db, "SELECT id FROM data_key_rotation WHERE state = 'RUNNING'").isPresent();
  }

  private static Optional<String> one(Connection db, String sql, Object... arguments)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    }
  }

  private static int update(Connection db, String sql, Object... arguments) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      return statement.executeUpdate();
    }
  }
}
