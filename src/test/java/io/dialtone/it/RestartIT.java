package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stop and a start keep the data (the embedded MariaDB lives in the Dialtone home), record both
 * in the audit trail, and replace an unused setup link: the old one stops working (SECURITY.md A6).
 * Runs its own server on other ports, so it never disturbs the shared one.
 */
class RestartIT {

  @Test
  void aRestartKeepsTheDataAndVoidsTheUnusedSetupLink() {
    Path home = RunningDialtone.freshHome("restart");
    Map<String, String> env =
        Map.of(
            "DIALTONE_HOME", home.toString(),
            "DIALTONE_HTTP_PORT", "18080",
            "DIALTONE_HTTPS_PORT", "18443",
            "DIALTONE_EMBEDDED_DB_PORT", "3318");

    String firstLink;
    try (DialtoneServer first = RunningDialtone.startServer(env)) {
      firstLink = first.setupLink(Duration.ofSeconds(30)).orElseThrow();
      assertThat(Https.get(firstLink).body()).contains("account:email");
    }

    try (DialtoneServer second = RunningDialtone.startServer(env)) {
      String secondLink = second.setupLink(Duration.ofSeconds(30)).orElseThrow();

      assertThat(secondLink).isNotEqualTo(firstLink);
      assertThat(Https.get(firstLink).body())
          .contains("invalidLink")
          .doesNotContain("account:email");
      assertThat(Https.get(secondLink).body()).contains("account:email");
      TestUsers db = new TestUsers(second);
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM one_time_token WHERE purpose = 'SETUP' AND voided_at IS NOT NULL"))
          .isEqualTo(1L);
      assertThat(db.queryValue("SELECT COUNT(*) FROM audit_event WHERE action = 'SERVICE_START'"))
          .isEqualTo(2L);
      assertThat(db.queryValue("SELECT COUNT(*) FROM audit_event WHERE action = 'SERVICE_STOP'"))
          .isEqualTo(1L);
      assertThat(db.queryValue("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
          .isEqualTo(
              db.queryValue(
                  "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"));
    }
  }
}
