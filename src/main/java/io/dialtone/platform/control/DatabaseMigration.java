package io.dialtone.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with Flyway ({@code db/migration}, shipped in the WAR)
 * before anything else in the application starts. The data source itself is defined here; its URL,
 * user and password come from MicroProfile Config ({@code DIALTONE_DB_*}).
 */
@DataSourceDefinition(
    name = DatabaseMigration.DATA_SOURCE,
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=dialtone.db.url}",
    user = "${MPCONFIG=dialtone.db.user}",
    password = "${MPCONFIG=dialtone.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class DatabaseMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/dialtone";

  /** Start-up order: the schema first, then components that need it. */
  public static final int PRIORITY = 100;

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  /** The schema version this WAR migrated to at start-up (null before). */
  private volatile String migratedTo;

  void migrate(@Observes @Initialized(ApplicationScoped.class) @Priority(PRIORITY) Object event) {
    var flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
    var result = flyway.migrate();
    var current = flyway.info().current();
    migratedTo = current == null ? null : current.getVersion().getVersion();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }

  /**
   * Whether the database answers within {@code timeoutSeconds} and holds the schema this WAR
   * migrated to: that version applied successfully and no failed migration recorded (a database
   * restored from another version, or a migration that failed, is not ready).
   */
  public boolean migrated(int timeoutSeconds) {
    String expected = migratedTo;
    if (expected == null) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(timeoutSeconds)) {
        return false;
      }
      try (PreparedStatement query =
          connection.prepareStatement(
              """
              SELECT SUM(success = 1 AND version = ?), SUM(success = 0)
              FROM flyway_schema_history""")) {
        query.setQueryTimeout(timeoutSeconds);
        query.setString(1, expected);
        try (ResultSet row = query.executeQuery()) {
          return row.next() && row.getLong(1) == 1 && row.getLong(2) == 0;
        }
      }
    } catch (SQLException e) {
      return false;
    }
  }
}
