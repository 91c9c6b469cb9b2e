package io.dialtone.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestHomes;
import io.dialtone.launcher.DialtoneHome;
import io.dialtone.launcher.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration to one notice store on MariaDB, with rows written before it: the registrar's
 * notices keep their recipient, read time and dedupe key with texts in the recipient's language; a
 * usage notice reaches each active customer administrator of its account who had no copy of it in
 * the notice centre, and nobody twice; the old tables are gone and every notice names the account
 * it is about.
 */
class NoticeMigrationIT {

  @Test
  void theRegistrarsAndTheUsagePagesNoticesMoveIntoTheOneStore() throws Exception {
    int port = Integer.getInteger("dialtone.test.migration-db-port", 3357);
    try (EmbeddedMariaDb db =
            EmbeddedMariaDb.start(new DialtoneHome(TestHomes.serverHome("migration")), port);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      migrate(db, "23");
      s.execute(
          "INSERT INTO account (id, parent_id, kind, name, status, created_at) VALUES"
              + " (900, 1, 'CUSTOMER', 'Acme', 'ACTIVE', UTC_TIMESTAMP(6))");
      long en = user(s, "en@example.test", null, "CUSTOMER_ADMIN");
      long fr = user(s, "fr@example.test", "fr", "CUSTOMER_ADMIN");
      long member = user(s, "member@example.test", null, "CUSTOMER_USER");
      // The English administrator already has the notice-centre copy of the approval.
      s.execute(
          "INSERT INTO portal_notice (user_id, kind, subject, body, created_at) VALUES ("
              + en
              + ", 'LIMIT_REQUEST_APPROVED', 'Dialtone: limit request approved', 'copy',"
              + " '2026-11-02 10:00:00.250000')");
      s.execute(
          "INSERT INTO usage_notice (account_id, kind, cap, amount, detail, created_at) VALUES"
              + " (900, 'REQUEST_APPROVED', 'DAILY_SPEND', '120.00 CAD', 'Enjoy',"
              + " '2026-11-02 10:00:00.000000'),"
              + " (900, 'ALERT_80', 'MONTHLY_MINUTES', '800 / 1000', NULL,"
              + " '2026-11-03 08:00:00.000000')");
      s.execute(
          "INSERT INTO sip_notice (user_id, account_id, extension_id, kind, subject, detail,"
              + " occurred_at, created_at, dismissed_at, dedupe_key) VALUES ("
              + fr
              + ", 900, NULL, 'FAILURE_BURST', '201', '12', '2026-11-04 09:30:00',"
              + " '2026-11-04 09:31:00', NULL, 'burst:7:123'), ("
              + member
              + ", 900, NULL, 'DEVICE_OFFLINE', '305', NULL, '2026-11-05 18:00:00',"
              + " '2026-11-05 18:01:00', '2026-11-05 19:00:00', 'offline:8:1')");

      migrate(db, "24");

      assertThat(rows(s, "SELECT COUNT(*) FROM portal_notice WHERE account_id IS NULL"))
          .containsExactly("0");
      assertThat(
              rows(
                  s,
                  "SELECT CONCAT(kind, '|', subject, '|', body, '|', dedupe_key, '|',"
                      + " read_at IS NULL) FROM portal_notice WHERE user_id = "
                      + fr
                      + " AND kind LIKE 'SIP%'"))
          .singleElement()
          .asString()
          .startsWith(
              "SIP_FAILURE_BURST|Dialtone : quelqu’un essaie de deviner le mot de passe du poste"
                  + " 201|Quelqu’un essaie de deviner le mot de passe SIP du poste 201 : 12"
                  + " tentatives échouées depuis le 2026-11-04 09:30 UTC.")
          .endsWith("|burst:7:123|1");
      assertThat(
              rows(
                  s,
                  "SELECT CONCAT(kind, '|', subject, '|', body, '|', read_at) FROM portal_notice"
                      + " WHERE user_id = "
                      + member))
          .containsExactly(
              "SIP_DEVICE_OFFLINE|Dialtone: no phone registered for extension 305|Extension 305:"
                  + " no phone is registered any more (last seen 2026-11-05 18:00 UTC).|2026-11-05"
                  + " 19:00:00.000000");
      assertThat(
              rows(
                  s,
                  "SELECT CONCAT(kind, '|', body) FROM portal_notice WHERE user_id = "
                      + en
                      + " ORDER BY created_at"))
          .containsExactly(
              "LIMIT_REQUEST_APPROVED|copy",
              "USAGE_ALERT|Minutes per month: 80 % of the cap is used (800 / 1000).");
      assertThat(
              rows(
                  s,
                  "SELECT CONCAT(kind, '|', subject, '|', body) FROM portal_notice WHERE user_id = "
                      + fr
                      + " AND kind NOT LIKE 'SIP%' ORDER BY created_at"))
          .containsExactly(
              "LIMIT_REQUEST_APPROVED|Dialtone : demande de plafond approuvée|Dépenses par jour :"
                  + " votre demande a été approuvée ; le plafond est maintenant 120.00 CAD. Enjoy",
              "USAGE_ALERT|Dialtone : 80 % du plafond « minutes par mois » atteints|Minutes par"
                  + " mois : 80 % du plafond sont utilisés (800 / 1000).");
      assertThat(rows(s, "SELECT COUNT(*) FROM portal_notice WHERE user_id = " + member))
          .containsExactly("1");
      assertThat(
              rows(
                  s,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                      + " AND table_name IN ('sip_notice', 'usage_notice')"))
          .containsExactly("0");
    }
  }

  private static void migrate(EmbeddedMariaDb db, String version) {
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  private static long user(Statement s, String email, String locale, String role)
      throws SQLException {
    s.execute(
        "INSERT INTO app_user (account_id, email, status, locale, created_at) VALUES (900, '"
            + email
            + "', 'ACTIVE', "
            + (locale == null ? "NULL" : "'" + locale + "'")
            + ", UTC_TIMESTAMP(6))");
    long id = Long.parseLong(rows(s, "SELECT LAST_INSERT_ID()").get(0));
    s.execute("INSERT INTO user_role (user_id, role) VALUES (" + id + ", '" + role + "')");
    return id;
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }
}
