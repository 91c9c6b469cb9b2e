package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.AccountManagementIT.Tenants;
import io.dialtone.launcher.DialtoneServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The notice centre in a real browser, in English and in French: a customer administrator's limit
 * request shows in the bell and on the notice page of its reseller's administrator (the customer's
 * text escaped), not of another reseller's; marking it read empties the bell; the decision then
 * reaches the customer administrator's own notice centre. The notice page's filters (read state,
 * category, first day) select it.
 */
@ExtendWith(RunningDialtone.class)
class NoticeCentreIT {

  @Test
  void aLimitRequestRingsTheResellersBellAndTheDecisionTheCustomers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    db.execute("UPDATE account SET daily_spend_cap = 50.00 WHERE id = ?", t.customerA1());
    String customerName =
        (String) db.queryValue("SELECT name FROM account WHERE id = ?", t.customerA1());
    try (Browser customer = new Browser(server.baseUrl());
        Browser reseller = new Browser(server.baseUrl());
        Browser other = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(customer, t.customerAdminA1());
      assertThat(customer.isPresent("#noticeCount")).isFalse();
      customer.open("/usage/index.xhtml");
      new Select(customer.find("[id='request:cap']")).selectByValue("DAILY_SPEND");
      customer.type("request:amount", "120");
      customer.type("request:reason", "Trade show <img src=x onerror=alert(1)>");
      customer.submit("request:send");
      assertThat(customer.pageText()).contains("Your request was sent to your provider.");

      SignIn.withBothFactors(other, t.resellerAdminB());
      assertThat(other.isPresent("#noticeCount")).isFalse();

      SignIn.withBothFactors(reseller, t.resellerAdminA());
      assertThat(reseller.text("#noticeCount")).isEqualTo("1 unread");
      reseller.find("#navNotices").click();
      reseller.waitForPath("/notices/index.xhtml");
      assertThat(reseller.text("h1")).isEqualTo("Notices");
      assertThat(reseller.text("[id='notices:table']"))
          .contains("Dialtone: limit request from " + customerName)
          .contains("from 50.00 CAD to 120.00 CAD, for good. Reason: Trade show")
          .doesNotContain("“-”")
          .contains("Reason: Trade show <img src=x onerror=alert(1)>")
          .contains("(unread)");
      assertThat(reseller.findAll("[id='notices:table'] img")).isEmpty();

      reseller.submit("notices:table:0:markRead"); // the only notice: the first row
      assertThat(reseller.isPresent("#noticeCount")).isFalse();
      assertThat(reseller.text("[id='notices:table']"))
          .contains("limit request from")
          .doesNotContain("(unread)");

      // The one notice page's filters: unread only hides it now, and so does another category;
      // its own category, read, from yesterday on (UTC) shows it, with the category's label.
      choose(reseller, "filter:state", "UNREAD");
      reseller.submit("filter:apply");
      assertThat(reseller.text("[id='notices:table']"))
          .contains("You have no notices.")
          .doesNotContain("limit request from");
      choose(reseller, "filter:state", "READ");
      choose(reseller, "filter:category", "NUMBERS");
      reseller.submit("filter:apply");
      assertThat(reseller.text("[id='notices:table']")).doesNotContain("limit request from");
      choose(reseller, "filter:category", "USAGE");
      reseller.type("filter:since", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
      reseller.submit("filter:apply");
      assertThat(reseller.text("[id='notices:table']"))
          .contains("limit request from " + customerName)
          .contains("Usage and limits");

      reseller.open("/usage/requests.xhtml");
      reseller.clickInRow("pending:table", "Trade show", "approve");
      reseller.waitForText("was approved: its cap is raised.");

      customer.open("/home.xhtml");
      assertThat(customer.text("#noticeCount")).isEqualTo("1 unread");
      customer.find("#navNotices").click();
      customer.waitForPath("/notices/index.xhtml");
      assertThat(customer.text("[id='notices:table']"))
          .contains("Dialtone: limit request approved")
          .contains("the cap is now 120.00 CAD");
      customer.submit("notices:markAll");
      assertThat(customer.pageText()).contains("1 notices marked as read.");
      assertThat(customer.isPresent("#noticeCount")).isFalse();
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM portal_notice WHERE user_id = ? AND read_at IS NULL",
                t.resellerAdminB().id()))
        .isEqualTo(0L);
  }

  /** Picks an option of a p:selectOneMenu through its native select (see DidPagesIT). */
  private static void choose(Browser browser, String menuId, String value) {
    browser.find("[id='" + menuId + "']");
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));",
            menuId + "_input",
            value);
  }

  @Test
  void leRevendeurLitLAvisEnFrancais(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    db.execute("UPDATE account SET monthly_minutes_cap = 1000 WHERE id = ?", t.customerA1());
    db.execute("UPDATE app_user SET locale = 'fr' WHERE id = ?", t.resellerAdminA().id());
    String customerName =
        (String) db.queryValue("SELECT name FROM account WHERE id = ?", t.customerA1());
    try (Browser customer = new Browser(server.baseUrl());
        Browser reseller = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(customer, t.customerAdminA1());
      customer.open("/usage/index.xhtml");
      new Select(customer.find("[id='request:cap']")).selectByValue("MONTHLY_MINUTES");
      customer.type("request:amount", "2500");
      customer.type("request:reason", "Campagne d’appels");
      customer.submit("request:send");
      assertThat(customer.pageText()).contains("Your request was sent to your provider.");

      SignIn.withBothFactors(reseller, t.resellerAdminA()); // their language, from sign-in on
      assertThat(reseller.htmlLang()).isEqualTo("fr");
      assertThat(reseller.text("#noticeCount")).isEqualTo("1 non lus");
      reseller.find("#navNotices").click();
      reseller.waitForPath("/notices/index.xhtml");
      assertThat(reseller.text("h1")).isEqualTo("Avis");
      assertThat(reseller.text("[id='notices:table']"))
          .contains("Dialtone : demande de plafond de " + customerName)
          .contains("« minutes par mois » de 1000 à 2500, sans limite de durée. Motif")
          .contains("Motif : Campagne d’appels")
          .contains("(non lu)");
      reseller.submit("notices:markAll");
      assertThat(reseller.pageText()).contains("1 avis marqués comme lus.");
      assertThat(reseller.isPresent("#noticeCount")).isFalse();
    }
  }
}
