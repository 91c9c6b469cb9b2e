package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Support impersonation in a real browser (SECURITY.md F4, C3): search, a reason, the banner, no
 * credentials, new session ids, every row naming agent and customer, and the customer's view of it;
 * refusals of scope and input.
 */
@ExtendWith(RunningDialtone.class)
class ImpersonationIT {

  private static final String NOT_FOUND = "Page not found";

  @Test
  void anAgentActsAsACustomerAdminAndTheCustomerSeesWhoWhyAndWhat(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    // A name ending in a full stop, as companies' names do: no sentence may end in "Inc.."
    db.execute("UPDATE account SET name = CONCAT(name, ' Inc.') WHERE id = ?", customer);
    String customerName = name(db, customer);
    String number =
        (String) db.queryValue("SELECT account_number FROM account WHERE id = ?", customer);
    SeededUser customerAdmin = db.user("CUSTOMER_ADMIN", customer);
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    String agentName =
        (String) db.queryValue("SELECT display_name FROM app_user WHERE id = ?", agent.id());
    String reason = "TICKET-" + UUID.randomUUID().toString().substring(0, 6) + " profile fix";
    String newName = customerName + " Renamed";

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      assertThat(browser.isPresent("#navAccounts")).isFalse();
      browser.find("#navSupport").click();
      search(browser, number);
      assertThat(browser.text("[id='search:hits']")).contains(customerName);
      search(browser, customerAdmin.email());
      assertThat(browser.text("[id='search:hits']"))
          .contains(customerName)
          .contains(customerAdmin.email());
      clickInRow(browser, customerName, "actAs");
      browser.find("[id='act:reason']");
      assertThat(browser.text("#actTarget")).contains(customerName).contains(number);

      String agentSession = browser.sessionCookie();
      browser.type("act:reason", "  " + reason + "  ");
      browser.submit("act:start");

      assertThat(browser.path()).isEqualTo("/home.xhtml");
      String banner = browser.text("#impersonation");
      assertThat(banner)
          .contains(agentName)
          .contains(customerName)
          .contains("(reason: " + reason + ")")
          // In the agent's zone (the account's, America/Toronto here), as the pages write times.
          .containsPattern(
              "until [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}\\W[AP]M at the latest")
          .doesNotContain("UTC")
          .doesNotContain("..");
      String actingSession = browser.sessionCookie();
      assertThat(actingSession).isNotNull().isNotEqualTo(agentSession);
      assertThat(browser.isPresent("#navPassword")).isFalse();
      assertThat(browser.isPresent("#navSupport")).isFalse();

      browser.open("/profile/password.xhtml");
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      assertThat(browser.isPresent("[id='password:currentPassword']")).isFalse();
      assertThat(browser.text("#impersonation")).contains(customerName);
      browser.open("/support/index.xhtml?account=" + customer);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);

      browser.find("#navProfile").click();
      assertThat(browser.text("#impersonation")).contains(reason);
      browser.type("profile:name", newName);
      browser.submit("profile:save");
      assertThat(browser.pageText()).contains("Your company profile was saved.");
      assertThat(browser.isPresent("#impersonation")).isTrue();

      browser.submit("impersonationForm:stop");

      assertThat(browser.path()).isEqualTo("/support/index.xhtml");
      assertThat(browser.isPresent("#impersonation")).isFalse();
      assertThat(browser.pageText())
          .contains(customerName + ": you stopped acting for this account.")
          .doesNotContain("Inc..");
      assertThat(browser.sessionCookie()).isNotEqualTo(actingSession).isNotEqualTo(agentSession);
      assertThat(browser.isPresent("#navPassword")).isTrue();
    }

    String actor = "user:" + agent.id();
    String onBehalfOf = "account:" + customer;
    assertThat(db.queryValue("SELECT name FROM account WHERE id = ?", customer)).isEqualTo(newName);
    assertThat(
            db.queryValue(
                "SELECT on_behalf_of FROM audit_event WHERE action = 'ACCOUNT_UPDATED' AND actor = ? AND target = ?",
                actor,
                onBehalfOf))
        .isEqualTo(onBehalfOf);
    assertThat(
            db.queryValue(
                "SELECT detail FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND actor = ? AND on_behalf_of = ? AND account_id = ?",
                actor,
                onBehalfOf,
                customer))
        .isEqualTo(reason);
    assertThat(
            db.queryValue(
                "SELECT detail FROM audit_event WHERE action = 'IMPERSONATION_ENDED' AND actor = ? AND on_behalf_of = ?",
                actor,
                onBehalfOf))
        .isEqualTo("stopped");
    long startId =
        ((Number)
                db.queryValue(
                    "SELECT id FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND actor = ?",
                    actor))
            .longValue();
    long endId =
        ((Number)
                db.queryValue(
                    "SELECT id FROM audit_event WHERE action = 'IMPERSONATION_ENDED' AND actor = ?",
                    actor))
            .longValue();
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND id > ? AND id < ?",
                actor,
                startId,
                endId))
        .isEqualTo(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND id > ? AND id < ? AND on_behalf_of = ?",
                actor,
                startId,
                endId,
                onBehalfOf));
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND id > ? AND id < ? AND action = 'ACCESS_DENIED'",
                actor,
                startId,
                endId))
        .isEqualTo(2L); // the password page and the support page while acting

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, customerAdmin);
      browser.find("#navAudit").click();

      String sessions = browser.text("[id='supportSessions']");
      assertThat(sessions)
          .contains(agentName)
          .contains(agent.email())
          .contains(reason)
          .contains("Stopped by the agent")
          .contains("Account changed")
          .contains(newName)
          .contains("on the account’s own profile; changed the name") // never account:8
          .doesNotContain(onBehalfOf);
    }

    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navAudit").click();
      browser.find("[id='verify:run']").click();
      assertThat(browser.text("[id='verify:result']")).contains("intact");
    }
  }

  @Test
  void supportFindsACustomerByExtensionNumberWithinItsScopeOnly(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long reseller = db.account(1L, "RESELLER", "Ext reseller " + unique);
    long customer = db.account(reseller, "CUSTOMER", "Ext customer " + unique);
    long otherReseller = db.account(1L, "RESELLER", "Other ext reseller " + unique);
    long otherCustomer = db.account(otherReseller, "CUSTOMER", "Other ext customer " + unique);
    String number = String.valueOf(100_000 + new java.security.SecureRandom().nextInt(900_000));
    for (long account : new long[] {customer, otherCustomer}) {
      db.execute(
          "INSERT INTO extension (account_id, number, display_name, type, realm, ha1_sha256,"
              + " ha1_md5, created_at) VALUES (?, ?, 'Desk', 'USER', ?, 'test', 'test',"
              + " UTC_TIMESTAMP(6))",
          account,
          number,
          "test-" + account + ".sip.dialtone.invalid");
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("SUPPORT_AGENT", 1L));
      browser.open("/support/index.xhtml");
      search(browser, number);
      assertThat(browser.text("[id='search:hits']"))
          .contains("Ext customer " + unique)
          .contains("Other ext customer " + unique);
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("RESELLER_ADMIN", reseller));
      browser.open("/support/index.xhtml");
      search(browser, number);
      assertThat(browser.text("[id='search:hits']"))
          .contains("Ext customer " + unique)
          .doesNotContain("Other ext customer " + unique);
    }
  }

  @Test
  void withoutAValidReasonNothingStarts(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      browser.open("/support/index.xhtml?account=" + customer);
      String session = browser.sessionCookie();

      for (String reason : new String[] {"", "   ", " ab "}) {
        browser.type("act:reason", reason);
        browser.submit("act:start");

        assertThat(browser.path()).isEqualTo("/support/index.xhtml");
        assertThat(browser.pageText())
            .contains("Give a reason or ticket reference of 3 to 200 characters.");
        assertThat(browser.isPresent("#impersonation")).isFalse();
        assertThat(browser.sessionCookie()).isEqualTo(session);
      }
      browser.open("/profile/password.xhtml");
      assertThat(browser.isPresent("[id='password:currentPassword']")).isTrue();
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND actor = ?",
                "user:" + agent.id()))
        .isEqualTo(0L);
  }

  @Test
  void aResellerAdminActsForItsOwnCustomersOnly(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long resellerA = db.account(1L, "RESELLER", "Reseller A " + unique);
    long customerA = db.account(resellerA, "CUSTOMER", "Customer A " + unique);
    long resellerB = db.account(1L, "RESELLER", "Reseller B " + unique);
    long customerB = db.account(resellerB, "CUSTOMER", "Customer B " + unique);
    SeededUser resellerAdmin = db.user("RESELLER_ADMIN", resellerA);
    String actor = "user:" + resellerAdmin.id();
    Object nameB = name(db, customerB);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, resellerAdmin);
      browser.find("#navSupport").click();
      search(browser, unique);
      assertThat(browser.text("[id='search:hits']"))
          .contains("Customer A " + unique)
          .doesNotContain("Customer B")
          .doesNotContain("Reseller");

      clickInRow(browser, "Customer A " + unique, "actAs");
      browser.type("act:reason", "Customer called about caps");
      browser.submit("act:start");
      assertThat(browser.text("#impersonation")).contains("Customer A " + unique);
      browser.submit("impersonationForm:stop");
      assertThat(browser.path()).isEqualTo("/support/index.xhtml");

      String session = browser.sessionCookie();
      browser.open("/support/index.xhtml?account=" + customerB);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      assertThat(browser.pageText()).doesNotContain((String) nameB);
      browser.open("/support/index.xhtml?account=" + resellerA);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      browser.open("/support/index.xhtml?account=1");
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      assertThat(browser.sessionCookie()).isEqualTo(session);
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND actor = ? AND account_id = ?",
                actor,
                customerA))
        .isEqualTo(1L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ? AND target = ?",
                actor,
                "account:" + customerB))
        .isEqualTo(1L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND account_id = ?",
                customerB))
        .isEqualTo(0L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                actor))
        .isEqualTo(3L);
    assertThat(name(db, customerB)).isEqualTo(nameB);
  }

  @Test
  void aCustomerAdminCannotActAsAnyone(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    long other = db.newCustomerAccount();
    SeededUser customerAdmin = db.user("CUSTOMER_ADMIN", customer);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, customerAdmin);
      assertThat(browser.isPresent("#navSupport")).isFalse();

      browser.open("/support/index.xhtml");
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      browser.open("/support/index.xhtml?account=" + customer);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
      browser.open("/support/index.xhtml?account=" + other);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                "user:" + customerAdmin.id()))
        .isEqualTo(3L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'IMPERSONATION_STARTED' AND actor = ?",
                "user:" + customerAdmin.id()))
        .isEqualTo(0L);
  }

  @Test
  void aPlatformAdminSearchesButCannotActAsACustomer(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    String customerName = name(db, customer);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navSupport").click();
      search(browser, "x");
      assertThat(browser.pageText()).contains("Enter between 2 and 254 characters to search.");
      search(browser, customerName);
      assertThat(browser.text("[id='search:hits']")).contains(customerName);
      assertThat(browser.findAll("[id$=':actAs']")).isEmpty();

      browser.open("/support/index.xhtml?account=" + customer);
      assertThat(browser.text("h1")).isEqualTo(NOT_FOUND);
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'CUSTOMERS_SEARCHED' AND actor = ?",
                "user:" + admin.id()))
        .isEqualTo(1L);
  }

  @Test
  void anImpersonationThatMayNotGoOnEndsAtTheNextRequestEvenAnAjaxOne(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      startActing(browser, customer, "TICKET-77 <img src=x onerror=alert(1)>");
      assertThat(browser.findAll("#impersonation img")).isEmpty(); // G2: shown as text
      browser.find("#navAudit").click();
      browser.find("[id='audit:apply']");
      String acting = browser.sessionCookie();

      // The same check ends an impersonation past its end time (ImpersonationSessionIT).
      db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", customer);
      browser.find("[id='audit:apply']").click(); // a PrimeFaces Ajax request

      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(d -> browser.path().equals("/support/index.xhtml"));
      assertThat(browser.text("h1")).isEqualTo("Find a customer");
      assertThat(browser.pageText()).contains("You no longer act as the customer");
      assertThat(browser.isPresent("#impersonation")).isFalse();
      assertThat(browser.sessionCookie()).isNotEqualTo(acting);
    }
    assertThat(
            db.queryValue(
                "SELECT detail FROM audit_event WHERE action = 'IMPERSONATION_ENDED' AND actor = ? AND on_behalf_of = ?",
                "user:" + agent.id(),
                "account:" + customer))
        .isEqualTo("account suspended");
  }

  @Test
  void signingOutWhileActingRecordsTheEnd(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      startActing(browser, customer, "TICKET-78 sign-out");

      browser.submit("signOutForm:signOut");

      assertThat(browser.path()).isEqualTo("/signin.xhtml");
    }
    String actor = "user:" + agent.id();
    assertThat(
            db.queryValue(
                "SELECT on_behalf_of FROM audit_event WHERE action = 'SIGN_OUT' AND actor = ?",
                actor))
        .isEqualTo("account:" + customer);
    assertThat(
            db.queryValue(
                "SELECT detail FROM audit_event WHERE action = 'IMPERSONATION_ENDED' AND actor = ? AND on_behalf_of = ?",
                actor,
                "account:" + customer))
        .isEqualTo("session ended");
  }

  private static void startActing(Browser browser, long customer, String reason) {
    browser.open("/support/index.xhtml?account=" + customer);
    browser.type("act:reason", reason);
    browser.submit("act:start");
    assertThat(browser.text("#impersonation")).contains(reason);
  }

  private static String name(TestUsers db, long accountId) {
    return (String) db.queryValue("SELECT name FROM account WHERE id = ?", accountId);
  }

  /** Runs a search and waits until the Ajax update shows its outcome. */
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
              } catch (org.openqa.selenium.WebDriverException e) {
                return true; // the form was replaced
              }
            });
    browser.find("[id='search:find']");
  }

  private static void clickInRow(Browser browser, String rowText, String link) {
    WebElement row =
        browser.findAll("[id='search:hits'] tbody tr").stream()
            .filter(r -> r.getText().contains(rowText))
            .findFirst()
            .orElseThrow();
    WebElement target = row.findElement(By.cssSelector("[id$=':" + link + "']"));
    target.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> browser.isPresent("[id='act:reason']"));
  }
}
