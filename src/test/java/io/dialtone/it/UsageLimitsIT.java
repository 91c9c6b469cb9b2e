package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.AccountManagementIT.Tenants;
import io.dialtone.launcher.DialtoneServer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Usage limits in a real browser (SECURITY.md E4, F1–F3), in English and in French: a customer
 * administrator sees the cap its reseller granted, asks for a raise, the reseller administrator
 * approves it on the limit requests page, and the customer sees the new cap, the approved request
 * and the notice; another reseller does not see the request; a customer user cannot open the pages.
 */
@ExtendWith(RunningDialtone.class)
class UsageLimitsIT {

  private static final String NOT_FOUND = "Page not found";

  @Test
  void aCustomerAdminAsksForARaiseAndTheResellerApprovesIt(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    db.execute("UPDATE account SET daily_spend_cap = 50.00 WHERE id = ?", t.customerA1());
    try (Browser customer = new Browser(server.baseUrl());
        Browser reseller = new Browser(server.baseUrl());
        Browser other = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(customer, t.customerAdminA1());
      customer.find("#navUsage").click();
      customer.waitForPath("/usage/index.xhtml");
      assertThat(customer.text("#granted [data-cap='DAILY_SPEND'] dd")).isEqualTo("50.00 CAD");
      assertThat(customer.text("#gauges [data-cap='DAILY_SPEND']"))
          .contains("Spend today")
          .contains("0.00 CAD of 50.00 CAD (0 %)");

      customer.type("limits:dailySpend", "60");
      customer.submit("limits:save");
      assertThat(customer.pageText())
          .contains(
              "Your own limit for “Daily spend” cannot be above the cap set by your provider");

      new Select(customer.find("[id='request:cap']")).selectByValue("DAILY_SPEND");
      customer.type("request:amount", "120");
      customer.type("request:reason", "Trade show <b>week</b>");
      customer.submit("request:send");
      assertThat(customer.pageText()).contains("Your request was sent to your provider.");
      assertThat(customer.text("[id='requests']")).contains("120.00 CAD").contains("Pending");

      SignIn.withBothFactors(other, t.resellerAdminB());
      other.find("#navLimitRequests").click();
      other.waitForPath("/usage/requests.xhtml");
      assertThat(other.text("[id='pending:table']")).doesNotContain("Trade show");

      SignIn.withBothFactors(reseller, t.resellerAdminA());
      reseller.find("#navLimitRequests").click();
      reseller.waitForPath("/usage/requests.xhtml");
      assertThat(reseller.text("[id='pending:table']"))
          .contains("Trade show <b>week</b>")
          .contains("50.00 CAD")
          .contains("120.00 CAD");
      commentInRow(reseller, "Trade show", "Enjoy the show");
      reseller.clickInRow("pending:table", "Trade show", "approve");
      reseller.waitForText("was approved: its cap is raised.");
      assertThat(reseller.text("[id='pending:table']")).doesNotContain("Trade show");

      customer.open("/usage/index.xhtml");
      assertThat(customer.text("#granted [data-cap='DAILY_SPEND'] dd")).isEqualTo("120.00 CAD");
      assertThat(customer.text("[id='requests']")).contains("Approved").contains("Enjoy the show");
      assertThat(customer.text("[id='notices']"))
          .contains("Dialtone: limit request approved")
          .contains("daily spend cap", "was approved: the cap is now 120.00 CAD. Enjoy the show");
    }
    assertThat(
            (BigDecimal)
                db.queryValue("SELECT daily_spend_cap FROM account WHERE id = ?", t.customerA1()))
        .isEqualByComparingTo("120.00");
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE account_id = ? AND action IN"
                    + " ('LIMIT_REQUESTED', 'LIMIT_REQUEST_APPROVED')",
                t.customerA1()))
        .isEqualTo(2L);
  }

  @Test
  void unAdministrateurDemandeUneHausseQueLeRevendeurApprouve(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    db.execute("UPDATE account SET monthly_minutes_cap = 1000 WHERE id = ?", t.customerA1());
    db.execute("UPDATE app_user SET locale = 'fr' WHERE id = ?", t.customerAdminA1().id());
    try (Browser customer = new Browser(server.baseUrl());
        Browser reseller = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(customer, t.customerAdminA1());
      customer.find("html[lang='fr']"); // the administrator's language, kept from before
      customer.find("#navUsage").click();
      customer.waitForPath("/usage/index.xhtml");
      assertThat(customer.text("h1")).isEqualTo("Consommation et limites");
      assertThat(digits(customer.text("#granted [data-cap='MONTHLY_MINUTES'] dd")))
          .isEqualTo("1000");

      customer.type("maxCall:minutes", "0");
      customer.submit("maxCall:save");
      assertThat(customer.pageText())
          .contains("La durée maximale d’un appel doit être comprise entre 1 et 1");
      customer.type("maxCall:minutes", "90");
      customer.submit("maxCall:save");
      assertThat(customer.pageText()).contains("La durée maximale d’un appel est enregistrée.");
      assertThat(
              db.queryValue(
                  "SELECT max_call_minutes FROM usage_limit WHERE account_id = ?", t.customerA1()))
          .isEqualTo(90);

      new Select(customer.find("[id='request:cap']")).selectByValue("MONTHLY_MINUTES");
      customer.type("request:amount", "2,5");
      customer.type("request:reason", "Campagne d’appels");
      customer.submit("request:send");
      assertThat(customer.pageText()).doesNotContain("Votre demande a été envoyée");
      customer.type("request:amount", "2500");
      customer.type("request:reason", "Campagne d’appels");
      customer.type("request:endsOn", "2099-12-31");
      customer.submit("request:send");
      assertThat(customer.pageText()).contains("Votre demande a été envoyée à votre fournisseur.");
      assertThat(customer.text("[id='requests']")).contains("En attente");

      SignIn.withBothFactors(reseller, t.resellerAdminA());
      reseller.useLanguage("fr");
      reseller.find("#navLimitRequests").click();
      reseller.waitForPath("/usage/requests.xhtml");
      assertThat(reseller.text("[id='pending:table']"))
          .contains("Campagne d’appels")
          .contains("Minutes par mois");
      reseller.clickInRow("pending:table", "Campagne", "approve");
      reseller.waitForText("a été approuvée : son plafond est relevé.");

      customer.open("/usage/index.xhtml");
      assertThat(digits(customer.text("#granted [data-cap='MONTHLY_MINUTES'] dd")))
          .isEqualTo("2500");
      assertThat(customer.text("[id='requests']")).contains("Approuvée");
      // A notice is written in its recipient's language, the one they chose for their notices.
      assertThat(customer.text("[id='notices']"))
          .contains("Dialtone : demande de plafond approuvée")
          .contains("« minutes par mois »", "a été approuvée : le plafond est maintenant 2500");
    }
    assertThat(
            db.queryValue("SELECT monthly_minutes_cap FROM account WHERE id = ?", t.customerA1()))
        .isEqualTo(2500);
  }

  @Test
  void aCustomerUserCannotOpenTheUsagePages(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    TestUsers.SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      assertThat(browser.isPresent("#navUsage")).isFalse();
      for (String page : new String[] {"/usage/index.xhtml", "/usage/requests.xhtml"}) {
        browser.open(page);
        assertThat(browser.pageText()).as(page).contains(NOT_FOUND);
      }
    }
  }

  /** The text without its (French: narrow no-break) spaces: "1 000" → "1000". */
  private static String digits(String text) {
    return text.replaceAll("[\\s\u00a0\u202f]", "");
  }

  /** Types a comment into the row of the pending table that shows {@code rowText}. */
  private static void commentInRow(Browser browser, String rowText, String comment) {
    WebElement row =
        browser.findAll("[id='pending:table'] tbody tr").stream()
            .filter(r -> r.getText().contains(rowText))
            .findFirst()
            .orElseThrow();
    WebElement input = row.findElement(By.cssSelector("input[id$=':comment']"));
    input.clear();
    input.sendKeys(comment);
  }
}
