package io.dialtone.bench;

import org.flywaydb.core.Flyway;

/**
 * Brings a benchmark database to the application's schema with the application's own migrations
 * ({@code db/migration}, Flyway), so the benchmark measures the shipped tables and indexes.
 *
 * <p>{@code java io.dialtone.bench.BenchSchema jdbcUrl user password}
 */
public final class BenchSchema {

  private BenchSchema() {}

  public static void main(String[] args) {
    var result =
        Flyway.configure()
            .dataSource(args[0], args[1], args[2])
            .locations("filesystem:db/migration")
            .load()
            .migrate();
    System.out.println("schema at version " + result.targetSchemaVersion);
  }
}
