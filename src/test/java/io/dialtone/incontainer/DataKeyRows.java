package io.dialtone.incontainer;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In-container fixture of the key rotation test: a new key file in the data keys folder, and every
 * stored secret (TOTP secrets, HA1 values, trunk passwords) as committed.
 */
@ApplicationScoped
public class DataKeyRows {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys-dir")
  String keysDir;

  /** Writes a new random key {@code <keyId>.key} (owner-only) and returns its bytes. */
  public byte[] addKey(String keyId) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Path file =
          Files.createFile(
              Path.of(keysDir, keyId + ".key"),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getEncoder().encodeToString(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return key;
  }

  /** Every stored secret, as committed. */
  public List<String> secrets() {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                SELECT totp_secret FROM app_user WHERE totp_secret IS NOT NULL
                UNION ALL SELECT ha1_sha256 FROM extension WHERE ha1_sha256 IS NOT NULL
                UNION ALL SELECT ha1_md5 FROM extension WHERE ha1_md5 IS NOT NULL
                UNION ALL SELECT auth_password FROM trunk WHERE auth_password IS NOT NULL""")) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  /**
   * Hands rotation {@code rotationId} to {@code runner} until {@code until}, as a node that took it
   * and then crashed leaves it.
   */
  public void plantLease(long rotationId, String runner, java.time.Instant until) {
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement update =
            connection.prepareStatement(
                "UPDATE data_key_rotation SET runner = ?, lease_until = ? WHERE id = ?")) {
      update.setString(1, runner);
      update.setTimestamp(2, java.sql.Timestamp.from(until));
      update.setLong(3, rotationId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
