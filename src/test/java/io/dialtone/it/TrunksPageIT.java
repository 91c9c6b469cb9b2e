package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The carrier trunks pages in a real browser: a platform administrator, in French, is refused a bad
 * port and a bad source range with nothing stored, then adds a trunk with an outbound login; the
 * password is stored encrypted, never sent back to the browser, and the audit row names the trunk
 * without it; the health the probe wrote shows on the list; both pages fit a 390 px screen; the
 * trunk is disabled and deleted, audited. A customer administrator has no trunks link and gets "not
 * found".
 */
@ExtendWith(RunningDialtone.class)
class TrunksPageIT {

  private static final String PASSWORD = "Carr1er-Secret-" + UUID.randomUUID();

  @Test
  void aPlatformAdministratorAddsATrunkWithALoginThatNeverComesBack(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser platform = db.user("PLATFORM_ADMIN", 1L);
    String name = "carrier-" + UUID.randomUUID().toString().substring(0, 8);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.useLanguage("fr");
      browser.find("#navTrunks").click();
      browser.waitForPath("/trunks/index.xhtml");
      assertThat(browser.find("#navTrunks").getText()).isEqualTo("Liaisons opérateur");
      browser.find("#add").click();
      browser.waitForPath("/trunks/edit.xhtml");

      browser.type("edit:name", name);
      browser.type("edit:host", "sip.carrier.example");
      browser.type("edit:port", "70000");
      browser.type("edit:sources", "203.0.113.0/24\n10.0.0.0/40");
      browser.type("edit:username", "dialtone-out");
      browser.type("edit:password", PASSWORD);
      browser.submit("edit:save");
      browser.waitForText("Le port doit être un nombre entier de 1 à");
      assertThat(browser.pageText())
          .contains("« 10.0.0.0/40 » n’est ni une adresse IPv4 ou IPv6 ni une plage CIDR");
      assertThat(db.queryValue("SELECT COUNT(*) FROM trunk WHERE name = ?", name)).isEqualTo(0L);
      assertThat(browser.driver().getPageSource()).doesNotContain(PASSWORD);

      browser.type("edit:port", "5061");
      browser.type("edit:sources", "203.0.113.0/24, 10.0.0.0/8");
      browser.type("edit:password", PASSWORD);
      browser.submit("edit:save");
      browser.waitForPath("/trunks/index.xhtml");
      browser.waitForText("La liaison " + name + " a été ajoutée.");
      assertThat(browser.text("[id='trunks:table']"))
          .contains(name, "sip.carrier.example:5061/UDP", "Pas encore sondée", "jamais sondée");

      long id = ((Number) db.queryValue("SELECT id FROM trunk WHERE name = ?", name)).longValue();
      assertThat((String) db.queryValue("SELECT auth_password FROM trunk WHERE id = ?", id))
          .startsWith("v1:")
          .doesNotContain(PASSWORD);
      assertThat((String) db.queryValue("SELECT auth_username FROM trunk WHERE id = ?", id))
          .isEqualTo("dialtone-out");
      String audit =
          (String)
              db.queryValue(
                  "SELECT detail FROM audit_event WHERE action = 'TRUNK_CREATED' AND target = ?",
                  "trunk:" + id);
      assertThat(audit).contains(name, "password set").doesNotContain(PASSWORD);

      db.execute(
          "UPDATE trunk SET health_status = 'UP', health_code = 200, health_latency_ms = 42,"
              + " health_checked_at = UTC_TIMESTAMP(6) - INTERVAL 12 SECOND WHERE id = ?",
          id);
      browser.open("/trunks/index.xhtml");
      assertThat(browser.text("[id='trunks:table']"))
          .contains("En service", "200", "42 ms")
          .containsPattern("il y a 1[2-9] s");

      browser.clickInRow("trunks:table", name, "edit");
      browser.waitForPath("/trunks/edit.xhtml");
      assertThat(browser.text("#edit\\:passwordState")).isEqualTo("Un mot de passe est enregistré");
      assertThat(browser.find("[id='edit:password']").getDomProperty("value")).isEmpty();
      assertThat(browser.driver().getPageSource()).doesNotContain(PASSWORD);

      browser.driver().manage().window().setSize(new Dimension(390, 844));
      assertFitsTheScreen(browser);
      browser.open("/trunks/index.xhtml");
      browser.find("[id='trunks:table']");
      assertFitsTheScreen(browser);

      // The shared server's later call tests must not see this trunk: disable, then delete it.
      browser.driver().manage().window().setSize(new Dimension(1280, 1000));
      browser.clickInRow("trunks:table", name, "disable");
      browser.waitForText("La liaison " + name + " est désactivée");
      assertThat(db.queryValue("SELECT COUNT(*) FROM trunk WHERE id = ? AND NOT enabled", id))
          .isEqualTo(1L);
      browser.clickInRow("trunks:table", name, "delete");
      browser.find("[id='trunks:confirmYes']").click();
      browser.waitForText("La liaison " + name + " a été supprimée.");
      assertThat(db.queryValue("SELECT COUNT(*) FROM trunk WHERE id = ?", id)).isEqualTo(0L);
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM audit_event WHERE action IN ('TRUNK_DISABLED',"
                      + " 'TRUNK_DELETED') AND target = ?",
                  "trunk:" + id))
          .isEqualTo(2L);
    } finally {
      db.execute("DELETE FROM trunk WHERE name = ?", name);
    }
  }

  @Test
  void aCustomerAdministratorHasNoTrunksPage(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.user("CUSTOMER_ADMIN", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navHome");
      assertThat(browser.isPresent("#navTrunks")).isFalse();
      browser.open("/trunks/index.xhtml");
      assertThat(browser.pageText()).contains("Page not found").doesNotContain("Carrier trunks");
      browser.open("/trunks/edit.xhtml");
      assertThat(browser.pageText()).contains("Page not found");
    }
  }

  /** No horizontal scrolling: the page is no wider than the window. */
  private static void assertFitsTheScreen(Browser browser) {
    long width =
        ((Number)
                ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth"))
            .longValue();
    long viewport =
        ((Number)
                ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.clientWidth"))
            .longValue();
    assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(viewport);
  }
}
