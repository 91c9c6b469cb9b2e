package io.dialtone.launcher;

import io.dialtone.bench.CdrGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Demo call records for the demo run command: {@code mvn -Pdemo package
 * -Ddialtone.demo-cdrs=200000} (or {@code DIALTONE_DEMO_CDRS=200000}) fills an empty CDR store,
 * once Dialtone has migrated the schema, with that many generated calls of the last 90 days over
 * generated customer accounts (one per 20,000 calls, at most 50; the first holds a fifth) below a
 * "Generated reseller". A store that already holds calls is left alone, so a restart with the flag
 * adds nothing.
 */
final class DemoCdrs {

  static final String PROPERTY = "dialtone.demo-cdrs";
  static final String VARIABLE = "DIALTONE_DEMO_CDRS";

  private DemoCdrs() {}

  /** The number of demo calls asked for, or 0. */
  static long requested(Map<String, String> env) {
    String value = System.getProperty(PROPERTY, env.getOrDefault(VARIABLE, ""));
    return value.isBlank() ? 0 : Long.parseLong(value.strip());
  }

  static void fill(DialtoneServer server, Map<String, String> env, long rows) {
    String url = setting(server, env, "DIALTONE_DB_URL");
    String local = url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true";
    try (Connection c =
        DriverManager.getConnection(
            local,
            setting(server, env, "DIALTONE_DB_USER"),
            setting(server, env, "DIALTONE_DB_PASSWORD"))) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM cdr)")) {
        rs.next();
        if (rs.getBoolean(1)) {
          System.out.println("Demo call records: the store already holds calls, none added.");
          return;
        }
      }
      int accounts = (int) Math.max(1, Math.min(50, rows / 20_000));
      CdrGenerator.Result r =
          CdrGenerator.generate(List.of(c), accounts, rows, 90, 0.2, 42, Instant.now(), false);
      System.out.printf(
          "Demo call records: %,d calls of the last 90 days in %d generated accounts (%.0f s).%n",
          r.rows(), r.accounts().size(), r.took().toMillis() / 1000.0);
    } catch (SQLException e) {
      System.err.println("Demo call records not generated: " + e.getMessage());
    }
  }

  private static String setting(DialtoneServer server, Map<String, String> env, String name) {
    String value = server.applicationSetting(name);
    return value != null ? value : env.get(name);
  }
}
