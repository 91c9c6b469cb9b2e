package io.dialtone.it;

import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.launcher.DialtoneServer;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.DataKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Seeds users straight into the running server's database (the same MariaDB), so each test gets its
 * own user and never depends on another test's leftovers. Passwords are hashed and TOTP secrets
 * encrypted exactly as the application does, with the server's own data key.
 */
final class TestUsers {

  /** A seeded user and the secrets a test needs to sign in as them. */
  record SeededUser(long id, String email, String password, String totpSecret) {}

  /**
   * The password of every user seeded in this test JVM, new for each run, and its hash, made once:
   * one hash costs the application's full PBKDF2 work (seconds on two busy cores), and a run seeds
   * hundreds of users. No test signs a user in with another user's password; each user still has a
   * TOTP secret of their own.
   */
  private static final String PASSWORD =
      "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 8) + "-42";

  private static volatile String passwordHash;

  private final DialtoneServer server;

  TestUsers(DialtoneServer server) {
    this.server = server;
  }

  /** A new active customer admin in a new customer account below a new reseller. */
  SeededUser customerAdmin() {
    return user("CUSTOMER_ADMIN", newCustomerAccount());
  }

  /** A new customer account below a new reseller; returns its id. */
  long newCustomerAccount() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    try (Connection db = connect()) {
      long reseller = insertAccount(db, 1L, "RESELLER", "Reseller " + unique);
      return insertAccount(db, reseller, "CUSTOMER", "Customer " + unique);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new active user with {@code role} in account {@code accountId} (1 = the platform). */
  SeededUser user(String role, long accountId) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + unique + "@example.test";
    String secret = TotpCodes.newSecret();
    long customer = accountId;
    try (Connection db = connect()) {
      long userId;
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO app_user (account_id, email, display_name, status, password_hash, totp_secret, "
                  + "created_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, UTC_TIMESTAMP(6))",
              Statement.RETURN_GENERATED_KEYS)) {
        insert.setLong(1, customer);
        insert.setString(2, email);
        insert.setString(3, "Test " + unique);
        insert.setString(4, passwordHash());
        insert.setString(5, cipher().encrypt(secret));
        insert.executeUpdate();
        userId = generatedKey(insert);
      }
      try (PreparedStatement grant =
          db.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
        grant.setLong(1, userId);
        grant.setString(2, role);
        grant.executeUpdate();
      }
      return new SeededUser(userId, email, PASSWORD, secret);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new active account of {@code kind} (RESELLER, CUSTOMER) below {@code parent}; its id. */
  long account(long parent, String kind, String name) {
    try (Connection db = connect()) {
      return insertAccount(db, parent, kind, name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement, e.g. to change what a test starts from. */
  void execute(String sql, Object... params) {
    try (Connection db = connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A single value from the database, e.g. to check what a test did. */
  Object queryValue(String sql, Object... params) {
    try (Connection db = connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        query.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long insertAccount(Connection db, long parent, String kind, String name)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO account (parent_id, kind, name, status, created_at) VALUES (?, ?, ?, 'ACTIVE', UTC_TIMESTAMP(6))",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, parent);
      insert.setString(2, kind);
      insert.setString(3, name);
      insert.executeUpdate();
      return generatedKey(insert);
    }
  }

  private static long generatedKey(Statement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static String passwordHash() {
    String hash = passwordHash;
    if (hash == null) {
      synchronized (TestUsers.class) {
        if (passwordHash == null) {
          passwordHash = new PasswordHasher().hash(PASSWORD.toCharArray());
        }
        hash = passwordHash;
      }
    }
    return hash;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        server.applicationSetting("DIALTONE_DB_URL"),
        server.applicationSetting("DIALTONE_DB_USER"),
        server.applicationSetting("DIALTONE_DB_PASSWORD"));
  }

  private DataCipher cipher() {
    try {
      String key =
          Files.readString(Path.of(server.applicationSetting("DIALTONE_DATA_KEY_FILE"))).strip();
      return DataCipher.fromBase64Key(DataKeys.LEGACY_KEY_ID, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
