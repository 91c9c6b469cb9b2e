package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail page (SECURITY.md F3 and J): each administrator sees their own scope only,
 * reading it is audited, customer users are answered 404, and a platform administrator can verify
 * the hash chain from the page.
 */
@ExtendWith(RunningDialtone.class)
class AuditTrailIT {

  @Test
  void aCustomerAdminSeesTheirAccountsEventsAndNoOtherTenants(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser mine = db.customerAdmin();
    SeededUser theirs = db.customerAdmin();
    try (Browser other = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(other, theirs);
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, mine);

      browser.open("/audit/index.xhtml");

      String table = browser.text("[id='audit:events']");
      assertThat(table)
          .contains(mine.email()) // by name and e-mail, never user:8
          .doesNotContain("user:" + mine.id())
          .doesNotContain(theirs.email());
      // the actor's name links to their page (a customer administrator manages the account's users)
      assertThat(
              browser
                  .find("[id='audit:events'] a[href$='/users/edit.xhtml?id=" + mine.id() + "']")
                  .getText())
          .isNotBlank();
      assertThat(browser.text("[id='timeZone']")).startsWith("Times are in ");
      assertThat(table).doesNotContain("UTC");
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'AUDIT_VIEWED' AND actor = ?",
                  "user:" + mine.id()))
          .isEqualTo(1L);
      assertThat(browser.isPresent("[id='verify:run']")).isFalse();
    }
  }

  @Test
  void aCustomerUserIsAnsweredNotFound(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);

      browser.open("/audit/index.xhtml");

      assertThat(browser.text("h1")).isEqualTo("Page not found");
      assertThat(browser.isPresent("[id='audit:events']")).isFalse();
      assertThat(browser.isPresent("#navAudit")).isFalse();
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                  "user:" + user.id()))
          .isEqualTo(1L);
    }
  }

  @Test
  void aPlatformAdministratorVerifiesTheChainFromThePage(DialtoneServer server) {
    SeededUser admin = new TestUsers(server).user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navAudit").click();
      browser.find("[id='audit:events']");

      browser.find("[id='verify:run']").click();

      assertThat(browser.text("[id='verify:result']")).contains("intact");
    }
  }
}
