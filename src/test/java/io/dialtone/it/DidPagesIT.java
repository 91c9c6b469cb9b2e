package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The DID pages in a real browser: a platform administrator adds a number typed in national format
 * (a wrong one first, refused with nothing stored) and assigns it to a customer, in English; the
 * customer's administrator routes it to an extension, with a blocked continuity destination refused
 * first, in French; a support agent finds the customer by that number on Find a customer. A
 * customer user has no DID page.
 */
@ExtendWith(RunningDialtone.class)
class DidPagesIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void thePlatformAssignsTheCustomerRoutesAndSupportFindsTheCustomerByTheNumber(
      DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    String customerName = (String) db.queryValue("SELECT name FROM account WHERE id = ?", customer);
    SeededUser platform = db.user("PLATFORM_ADMIN", 1L);
    SeededUser admin = db.user("CUSTOMER_ADMIN", customer);
    SeededUser member = db.user("CUSTOMER_USER", customer);
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    String local = freshLocalNumber(db);
    String e164 = "+1613" + local;
    String national = "(613) " + local.substring(0, 3) + "-" + local.substring(3);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.find("#navDids").click();
      browser.waitForPath("/dids/index.xhtml");
      browser.type("add:numbers", "555-01");
      browser.submit("add:addList");
      browser.waitForText("“555-01” is not a valid phone number.");
      assertThat(db.queryValue("SELECT COUNT(*) FROM did WHERE number = ?", e164)).isEqualTo(0L);

      browser.type("add:numbers", national);
      browser.submit("add:addList");
      browser.waitForText("One number was added to the inventory.");
      assertThat(db.queryValue("SELECT account_id FROM did WHERE number = ?", e164)).isEqualTo(1L);

      browser.type("list:filter", local);
      browser.submit("list:search");
      // numbers as people of the viewer's country write them, never the raw E.164 form
      assertThat(browser.text("[id='list:table']"))
          .contains(national, "Platform inventory")
          .doesNotContain(e164);
      browser.clickInRow("list:table", national, "edit");
      browser.waitForPath("/dids/edit.xhtml");
      assertThat(browser.text("#number")).isEqualTo(national);
      assertThat(Breadcrumbs.of(browser)).containsExactly("Home", "Phone numbers", national);
      choose(browser, "assign:target", customer);
      browser.submit("assign:assign");
      browser.waitForText("The number was assigned.");
      assertThat(db.queryValue("SELECT account_id FROM did WHERE number = ?", e164))
          .isEqualTo(customer);
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.useLanguage("fr");
      browser.find("#navExtensions").click();
      browser.waitForPath("/extensions/index.xhtml");
      browser.type("create:number", "201");
      browser.type("create:displayName", "Accueil");
      browser.find("[id='create:submit']").click();
      browser.find("#sipSecret");
      long extension =
          ((Number)
                  db.queryValue(
                      "SELECT id FROM extension WHERE account_id = ? AND number = '201'", customer))
              .longValue();

      browser.find("#navDids").click();
      browser.waitForPath("/dids/index.xhtml");
      assertThat(browser.find("#navDids").getText()).isEqualTo("Numéros");
      assertThat(browser.text("[id='list:table']")).contains(national, "Non acheminé");
      assertThat(browser.isPresent("[id='add:numbers']")).isFalse();
      browser.clickInRow("list:table", national, "edit");
      browser.waitForPath("/dids/edit.xhtml");
      assertThat(browser.isPresent("[id='assign:target']")).isFalse();

      choose(browser, "route:extension", extension);
      browser.type("route:destination", "+44 20 7946 0000");
      browser.submit("route:save");
      browser.waitForText("La politique d’appels refuse cette destination de continuité.");
      assertThat(db.queryValue("SELECT extension_id FROM did WHERE number = ?", e164)).isNull();

      choose(browser, "route:extension", extension);
      browser.type("route:destination", "201");
      browser.submit("route:save");
      browser.waitForText("L’acheminement du numéro a été enregistré.");
      assertThat(db.queryValue("SELECT extension_id FROM did WHERE number = ?", e164))
          .isEqualTo(extension);
      assertThat(db.queryValue("SELECT continuity_destination FROM did WHERE number = ?", e164))
          .isEqualTo("201");
      assertThat(browser.text("[id='list:table']")).contains(national, "Un poste");

      // the audit trail names the number in words, as the page writes it, never did:N
      browser.open("/audit/index.xhtml");
      assertThat(browser.text("[id='audit:events']"))
          .contains("Numéro " + national)
          .doesNotContain("did:");
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, member);
      assertThat(browser.isPresent("#navDids")).isFalse();
      browser.open("/dids/index.xhtml");
      assertThat(browser.pageText()).contains("Page not found").doesNotContain(e164);
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      browser.find("#navSupport").click();
      search(browser, national);
      assertThat(browser.text("[id='search:hits']")).contains(customerName);
      search(browser, e164);
      assertThat(browser.text("[id='search:hits']")).contains(customerName);
    }
  }

  /** Seven digits that, after +1 613, make a number not in the inventory yet. */
  private static String freshLocalNumber(TestUsers db) {
    while (true) {
      String local = (2 + RANDOM.nextInt(8)) + String.format("%06d", RANDOM.nextInt(1_000_000));
      if (((Number) db.queryValue("SELECT COUNT(*) FROM did WHERE number = ?", "+1613" + local))
              .longValue()
          == 0) {
        return local;
      }
    }
  }

  @Test
  void aSuspendedCustomerGetsNoNumberAndAnActiveOneIsTold(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long active = db.newCustomerAccount();
    long suspended = db.newCustomerAccount();
    String suspendedName =
        (String) db.queryValue("SELECT name FROM account WHERE id = ?", suspended);
    SeededUser platform = db.user("PLATFORM_ADMIN", 1L);
    SeededUser admin = db.user("CUSTOMER_ADMIN", active);
    String e164 = "+1613" + freshLocalNumber(db);
    db.execute(
        "INSERT INTO did (number, account_id, created_at) VALUES (?, 1, UTC_TIMESTAMP(6))", e164);
    long didId = ((Number) db.queryValue("SELECT id FROM did WHERE number = ?", e164)).longValue();

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.open("/dids/edit.xhtml?id=" + didId);
      // Suspended while the page is open: it is still offered, the server refuses it.
      db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", suspended);
      choose(browser, "assign:target", suspended);
      browser.submit("assign:assign");
      browser.waitForText(
          "“" + suspendedName + "” is suspended: numbers cannot be assigned to it.");
      assertThat(db.queryValue("SELECT account_id FROM did WHERE id = ?", didId)).isEqualTo(1L);

      browser.open("/dids/edit.xhtml?id=" + didId);
      assertThat(browser.findAll("[id='assign:target_input'] option"))
          .extracting(o -> o.getAttribute("value"))
          .contains(String.valueOf(active))
          .doesNotContain(String.valueOf(suspended));
      choose(browser, "assign:target", active);
      browser.submit("assign:assign");
      browser.waitForText("The number was assigned.");
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DID_ASSIGNED'"
                    + " AND result = 'FAILURE' AND target LIKE ?",
                "did:" + didId + " %"))
        .isEqualTo(1L);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      assertThat(browser.text("#noticeCount")).isEqualTo("1 unread");
      browser.find("#navNotices").click();
      browser.waitForPath("/notices/index.xhtml");
      assertThat(browser.text("[id='notices:table']"))
          .contains("Dialtone: phone number " + e164 + " assigned to your account");
    }
  }

  /** Picks an option of a p:selectOneMenu through its native select (see ExtensionPagesIT). */
  private static void choose(Browser browser, String menuId, long value) {
    browser.find("[id='" + menuId + "']");
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));",
            menuId + "_input",
            String.valueOf(value));
    assertThat(
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "return document.getElementById(arguments[0]).value;", menuId + "_input"))
        .isEqualTo(String.valueOf(value));
  }

  /** Searches on Find a customer and waits until the Ajax answer replaced the form. */
  private static void search(Browser browser, String text) {
    WebElement before = browser.find("[id='search:find']");
    browser.type("search:text", text);
    before.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d -> {
              try {
                before.isEnabled();
                return false;
              } catch (WebDriverException e) {
                return true;
              }
            });
    browser.find("[id='search:find']");
  }
}
