package io.dialtone.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

  void migrate(@Observes @Initialized(ApplicationScoped.class) @Priority(PRIORITY) Object event) {
    var result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }
}
