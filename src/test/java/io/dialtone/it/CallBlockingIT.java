package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.AccountManagementIT.Tenants;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call blocking, the rule tester and the platform ranges in a real browser (SECURITY.md E1, F1–F3):
 * a customer administrator lifts the international block, allows a country and sees a UK number go
 * from blocked to allowed with the deciding rule, in English and in French; a customer user cannot
 * open the pages; a reseller tests its own customer but not another reseller's; a platform range
 * added by the platform administrator blocks at once. The test server rates +1, +44 and +33 ({@link
 * RunningDialtone}).
 */
@ExtendWith(RunningDialtone.class)
class CallBlockingIT {

  private static final String NOT_FOUND = "Page not found";
  private static final String LONDON = "+44 20 7946 0000";

  @Test
  void aCustomerAdminAllowsTheUnitedKingdomAndTestsALondonNumber(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navTester").click();
      browser.waitForPath("/calls/tester.xhtml");
      test(browser, LONDON);
      assertThat(browser.text("#normalized")).isEqualTo("+442079460000");
      assertThat(browser.text("#destination")).isEqualTo("International");
      assertThat(browser.text("#country")).isEqualTo("United Kingdom");
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");
      assertThat(browser.text("#rule")).isEqualTo("International calls blocked");

      browser.find("[id='tester:editRule']").click();
      browser.waitForPath("/calls/blocking.xhtml");
      assertThat(browser.text("#emergency")).contains("911").contains("cannot be blocked");
      assertThat(browser.text("#platformRanges"))
          .contains("+881")
          .contains("blocked by the provider");
      assertThat(browser.text("[id='countries:table']")).contains("No country allowed");
      browser.find("[id='toggles:international'] .ui-chkbox-box").click();
      browser.submit("toggles:save");
      assertThat(browser.pageText()).contains("The call blocking was saved.");
      pickCountry(browser, "United Kingdom");
      browser.submit("countries:add");
      assertThat(browser.text("[id='countries:table']")).contains("United Kingdom (GB)");

      browser.type("rules:value", "call me <b>maybe</b>");
      browser.submit("rules:add");
      assertThat(browser.pageText())
          .contains("“call me <b>maybe</b>” is not a telephone number that can be called.");

      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      test(browser, LONDON);
      assertThat(browser.text("#verdict")).isEqualTo("Allowed");
      assertThat(browser.text("#rule")).isEqualTo("No rule against it");
      test(browser, "911");
      assertThat(browser.text("#rule")).isEqualTo("Emergency number: always allowed");
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action IN"
                    + " ('CALL_POLICY_CHANGED', 'CALL_POLICY_RULE_ADDED')",
                "user:" + admin.id()))
        .isEqualTo(2L);
  }

  @Test
  void unAdministrateurBloqueUnNumeroEtLeTesteEnFrancais(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.useLanguage("fr");
      browser.open("/calls/blocking.xhtml");
      browser.find("[id='toggles:international'] .ui-chkbox-box").click();
      browser.submit("toggles:save");
      assertThat(browser.pageText()).contains("Le blocage d’appels a été enregistré.");
      pickCountry(browser, "Royaume-Uni");
      browser.submit("countries:add");
      assertThat(browser.text("[id='countries:table']")).contains("Royaume-Uni (GB)");
      browser.type("rules:value", "911");
      browser.submit("rules:add");
      assertThat(browser.pageText())
          .contains("« 911 » est un numéro d’urgence : il ne peut pas être bloqué.");
      browser.type("rules:value", "011 44 20 7946 0000");
      browser.submit("rules:add");
      assertThat(browser.text("[id='rules:table']"))
          .contains("Numéro bloqué")
          .contains("+442079460000");

      browser.open("/calls/tester.xhtml?number=" + encode(LONDON));
      assertThat(browser.text("#verdict")).isEqualTo("Bloqué");
      assertThat(browser.text("#country")).isEqualTo("Royaume-Uni");
      assertThat(browser.text("#rule")).isEqualTo("Numéro ou préfixe bloqué");
      assertThat(browser.text("#ruleDetail")).contains("Numéro bloqué").contains("+442079460000");

      browser.open("/calls/blocking.xhtml");
      browser.clickInRow("rules:table", "+442079460000", "remove");
      browser.waitForText("La règle a été retirée.");
      browser.open("/calls/tester.xhtml?number=" + encode(LONDON));
      assertThat(browser.text("#verdict")).isEqualTo("Autorisé");
      assertThat(browser.text("#rule")).isEqualTo("Aucune règle ne l’interdit");
    }
  }

  @Test
  void aCustomerUserCannotOpenTheCallPolicyPages(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser user = db.user("CUSTOMER_USER", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      assertThat(browser.isPresent("#navBlocking")).isFalse();
      for (String page :
          new String[] {
            "/calls/blocking.xhtml",
            "/calls/tester.xhtml?account=" + account + "&number=911",
            "/calls/ranges.xhtml"
          }) {
        browser.open(page);
        assertThat(browser.pageText()).as(page).contains(NOT_FOUND);
      }
    }
  }

  @Test
  void aResellerTestsItsOwnCustomerButNotAnotherResellers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, t.resellerAdminA());
      browser.open(
          "/calls/tester.xhtml?account=" + t.customerA1() + "&number=" + encode("1-900-234-5678"));
      assertThat(browser.text("#destination")).isEqualTo("Premium rate");
      assertThat(browser.text("#rule")).isEqualTo("Premium-rate numbers blocked");
      assertThat(browser.isPresent("[id='tester:editRule']"))
          .isFalse(); // resellers test, they do not edit

      browser.open("/calls/tester.xhtml?account=" + t.customerB1() + "&number=911");
      assertThat(browser.pageText()).contains(NOT_FOUND).doesNotContain("Emergency");
      browser.open("/calls/blocking.xhtml?account=" + t.customerA1());
      assertThat(browser.pageText()).contains(NOT_FOUND);
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'CALL_POLICY_TESTED'"
                    + " AND account_id = ? AND actor = ?",
                t.customerA1(),
                "user:" + t.resellerAdminA().id()))
        .isEqualTo(1L);
  }

  @Test
  void aPlatformRangeAddedByThePlatformAdministratorBlocksAtOnce(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    String prefix = "+4420794" + (10 + ThreadLocalRandom.current().nextInt(90));
    String number = prefix + "555";
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navRanges").click();
      browser.waitForPath("/calls/ranges.xhtml");
      browser.type("add:prefix", "+44a");
      browser.submit("add:save");
      assertThat(browser.pageText()).contains("“+44a” is not a prefix");
      browser.type("add:prefix", prefix);
      browser.type("add:reason", "Browser test <script>alert(1)</script>");
      browser.submit("add:save");
      assertThat(browser.text("[id='list:table']"))
          .contains(prefix)
          .contains("Browser test <script>alert(1)</script>");

      browser.open("/calls/tester.xhtml?account=" + customer + "&number=" + encode(number));
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");
      assertThat(browser.text("#rule")).isEqualTo("Range blocked by the provider");
      assertThat(browser.text("#ruleDetail")).contains(prefix);
      browser.find("[id='tester:editRule']").click();
      browser.waitForPath("/calls/ranges.xhtml");
      browser.clickInRow("list:table", prefix, "remove");
      browser.waitForText("Range " + prefix + " is no longer blocked.");

      browser.open("/calls/tester.xhtml?account=" + customer + "&number=" + encode(number));
      assertThat(browser.text("#rule")).isEqualTo("International calls blocked");
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action IN"
                    + " ('PLATFORM_RANGE_ADDED', 'PLATFORM_RANGE_REMOVED')",
                "user:" + admin.id()))
        .isEqualTo(2L);
  }

  private static void test(Browser browser, String number) {
    browser.type("tester:number", number);
    browser.submit("tester:test");
  }

  /** Picks a country by its name in the page's language in the filterable country menu. */
  private static void pickCountry(Browser browser, String name) {
    browser.find("[id='countries:country']").click();
    browser.type("countries:country_filter", name);
    browser.find("[id='countries:country_items'] li[data-label='" + name + "']").click();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
