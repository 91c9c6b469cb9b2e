package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Account management in a real browser (SECURITY.md F2, F3): each test seeds two resellers, each
 * with two customers and their administrators, and acts as one of them.
 */
@ExtendWith(RunningDialtone.class)
class AccountManagementIT {

  private static final String NOT_FOUND = "Page not found";

  /** Two resellers with two customers each, and an admin for each account. */
  record Tenants(
      long resellerA,
      SeededUser resellerAdminA,
      long customerA1,
      SeededUser customerAdminA1,
      long customerA2,
      long resellerB,
      SeededUser resellerAdminB,
      long customerB1,
      SeededUser customerAdminB1,
      long customerB2) {

    static Tenants seed(TestUsers db) {
      String unique = UUID.randomUUID().toString().substring(0, 8);
      long resellerA = db.account(1L, "RESELLER", "Reseller A " + unique);
      long customerA1 = db.account(resellerA, "CUSTOMER", "Customer A1 " + unique);
      long customerA2 = db.account(resellerA, "CUSTOMER", "Customer A2 " + unique);
      long resellerB = db.account(1L, "RESELLER", "Reseller B " + unique);
      long customerB1 = db.account(resellerB, "CUSTOMER", "Customer B1 " + unique);
      long customerB2 = db.account(resellerB, "CUSTOMER", "Customer B2 " + unique);
      return new Tenants(
          resellerA,
          db.user("RESELLER_ADMIN", resellerA),
          customerA1,
          db.user("CUSTOMER_ADMIN", customerA1),
          customerA2,
          resellerB,
          db.user("RESELLER_ADMIN", resellerB),
          customerB1,
          db.user("CUSTOMER_ADMIN", customerB1),
          customerB2);
    }
  }

  @Test
  void aResellerAdminCreatesEditsSuspendsAndReactivatesACustomer(DialtoneServer server)
      throws InterruptedException {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser reseller = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(reseller, t.resellerAdminA());
      reseller.find("#navAccounts").click();
      assertThat(reseller.pageText()).contains("Customer A1").doesNotContain("Customer B1");

      reseller.find("#accounts\\:newCustomer").click();
      reseller.find("[id='account:name']");
      reseller.type("account:name", "");
      reseller.submit("account:save");
      assertThat(reseller.path()).isEqualTo("/accounts/edit.xhtml");
      assertThat(reseller.pageText()).contains("This field is required");
      reseller.type("account:name", name);
      reseller.type("account:billingEmail", "billing@acme.example");
      reseller.type("account:dailySpendCap", "-1");
      reseller.submit("account:save");
      assertThat(reseller.path()).isEqualTo("/accounts/edit.xhtml");
      assertThat(reseller.text("[id='account:dailySpendCapMessage']")).isNotBlank();
      assertThat(reseller.find("[id='account:name']").getDomProperty("value")).isEqualTo(name);
      assertThat(reseller.find("[id='account:billingEmail']").getDomProperty("value"))
          .isEqualTo("billing@acme.example");
      reseller.type("account:dailySpendCap", "25.50");
      reseller.submit("account:save");

      assertThat(reseller.path()).isEqualTo("/accounts/index.xhtml");
      assertThat(reseller.pageText()).contains("The account was created.").contains(name);
      long created =
          ((Number)
                  db.queryValue(
                      "SELECT id FROM account WHERE name = ? AND parent_id = ? AND kind = 'CUSTOMER'",
                      name,
                      t.resellerA()))
              .longValue();
      assertThat((String) db.queryValue("SELECT account_number FROM account WHERE id = ?", created))
          .matches("C-\\d{6}");
      assertThat(auditCount(db, "ACCOUNT_CREATED", t.resellerAdminA(), created)).isEqualTo(1L);

      reseller.open("/accounts/edit.xhtml?id=" + created);
      reseller.type("account:name", name + " Ltd");
      reseller.submit("account:save");
      assertThat(reseller.pageText()).contains("The account was saved.");
      assertThat(db.queryValue("SELECT name FROM account WHERE id = ?", created))
          .isEqualTo(name + " Ltd");
      assertThat(auditCount(db, "ACCOUNT_UPDATED", t.resellerAdminA(), created)).isEqualTo(1L);

      SeededUser customerAdmin = db.user("CUSTOMER_ADMIN", created);
      try (Browser customer = new Browser(server.baseUrl())) {
        SignIn.withBothFactors(customer, customerAdmin);
        assertThat(customer.path()).isEqualTo("/home.xhtml");

        clickInRow(reseller, name + " Ltd", "suspend");
        reseller.find(".ui-confirmdialog-yes").click();
        waitForText(reseller, "The account is suspended.");
        assertThat(db.queryValue("SELECT status FROM account WHERE id = ?", created))
            .isEqualTo("SUSPENDED");
        assertThat(auditCount(db, "ACCOUNT_SUSPENDED", t.resellerAdminA(), created)).isEqualTo(1L);

        customer.find("#navHome").click();
        new WebDriverWait(customer.driver(), java.time.Duration.ofSeconds(20))
            .until(d -> customer.path().equals("/signin.xhtml"));

        SignIn.withPassword(customer, customerAdmin, customerAdmin.password());
        assertThat(customer.path()).isEqualTo("/signin.xhtml");
        assertThat(customer.pageText()).contains("Sign-in failed");
      }

      clickInRow(reseller, name + " Ltd", "reactivate");
      reseller.find(".ui-confirmdialog-yes").click();
      waitForText(reseller, "The account is active again.");
      assertThat(db.queryValue("SELECT status FROM account WHERE id = ?", created))
          .isEqualTo("ACTIVE");
      assertThat(auditCount(db, "ACCOUNT_REACTIVATED", t.resellerAdminA(), created)).isEqualTo(1L);
    }
  }

  @Test
  void suspendingAResellerStopsSignInForItsCustomersUsers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    try (Browser customer = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(customer, t.customerAdminB1());
      assertThat(customer.path()).isEqualTo("/home.xhtml");
      db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", t.resellerB());

      customer.find("#navHome").click();
      new WebDriverWait(customer.driver(), java.time.Duration.ofSeconds(20))
          .until(d -> customer.path().equals("/signin.xhtml"));
      SignIn.withPassword(customer, t.customerAdminB1(), t.customerAdminB1().password());
      assertThat(customer.path()).isEqualTo("/signin.xhtml");
    }
  }

  @Test
  void aResellerAdminCannotOpenOrChangeAnotherResellersCustomer(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    Object nameBefore = db.queryValue("SELECT name FROM account WHERE id = ?", t.customerB1());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, t.resellerAdminA());

      browser.open("/accounts/edit.xhtml?id=" + t.customerB1());
      assertThat(browser.pageText()).contains(NOT_FOUND).doesNotContain((String) nameBefore);
      browser.open("/accounts/edit.xhtml?id=" + t.resellerB());
      assertThat(browser.pageText()).contains(NOT_FOUND);
      browser.open("/accounts/edit.xhtml?id=" + t.resellerA());
      assertThat(browser.pageText()).contains(NOT_FOUND);
      browser.open("/accounts/edit.xhtml?id=1");
      assertThat(browser.pageText()).contains(NOT_FOUND);
      browser.open("/accounts/edit.xhtml?kind=RESELLER");
      assertThat(browser.pageText()).contains(NOT_FOUND);

      browser.open("/accounts/index.xhtml");
      assertThat(browser.pageText())
          .contains("Customer A1")
          .contains("Customer A2")
          .doesNotContain("Customer B1")
          .doesNotContain("Customer B2")
          .doesNotContain("Reseller B");
    }
    assertThat(db.queryValue("SELECT name FROM account WHERE id = ?", t.customerB1()))
        .isEqualTo(nameBefore);
    assertThat(db.queryValue("SELECT status FROM account WHERE id = ?", t.customerB1()))
        .isEqualTo("ACTIVE");
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                "user:" + t.resellerAdminA().id()))
        .isEqualTo(5L);
  }

  @Test
  void aCustomerAdminEditsOnlyTheirOwnProfileAndSeesNoAccountList(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, t.customerAdminA1());
      assertThat(browser.isPresent("#navAccounts")).isFalse();

      browser.open("/accounts/index.xhtml");
      assertThat(browser.pageText()).contains(NOT_FOUND);
      browser.open("/accounts/edit.xhtml?id=" + t.customerA1());
      assertThat(browser.pageText()).contains(NOT_FOUND);

      browser.find("#navProfile").click();
      browser.type("profile:name", "Own Name <img src=x onerror=alert(1)>");
      browser.submit("profile:save");
      assertThat(browser.pageText()).contains("Your company profile was saved.");
    }
    assertThat(db.queryValue("SELECT name FROM account WHERE id = ?", t.customerA1()))
        .isEqualTo("Own Name <img src=x onerror=alert(1)>");
  }

  @Test
  void aCustomerUserCannotOpenTheProfilePage(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    SeededUser user = db.user("CUSTOMER_USER", t.customerA2());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      assertThat(browser.isPresent("#navProfile")).isFalse();

      browser.open("/accounts/profile.xhtml");
      assertThat(browser.pageText()).contains(NOT_FOUND);
    }
  }

  private static long auditCount(TestUsers db, String action, SeededUser actor, long account) {
    return ((Number)
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor = ? AND target = ?",
                action,
                "user:" + actor.id(),
                "account:" + account))
        .longValue();
  }

  private static void clickInRow(Browser browser, String rowText, String button) {
    browser.clickInRow("accounts:table", rowText, button);
  }

  private static void waitForText(Browser browser, String text) {
    browser.waitForText(text);
  }
}
