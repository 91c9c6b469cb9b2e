package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The ring groups pages in a real browser: a customer administrator makes a group in English (a
 * member that is no extension of the account refused first, nothing stored), routes a phone number
 * to it and reads on the number's page how a call is routed now, also at phone width; in French,
 * deleting the group while the number rings it is refused with the reason, a deleted extension
 * leaves the group, and the audit trail names the group in words. Another customer's administrator
 * can neither open the group nor see it.
 */
@ExtendWith(RunningDialtone.class)
class RingGroupPagesIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void aCustomerAdminMakesARingGroupAndRoutesANumberToItWhichNoOtherAccountSees(
      DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long customer = db.newCustomerAccount();
    long other = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", customer);
    SeededUser stranger = db.user("CUSTOMER_ADMIN", other);
    String e164 = "+1613" + freshLocalNumber(db);
    db.execute(
        "INSERT INTO did (number, account_id, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))",
        e164,
        customer);
    long didId = ((Number) db.queryValue("SELECT id FROM did WHERE number = ?", e164)).longValue();
    long groupId;

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      SipExtensions.create(browser, "301", "302", "303");
      browser.find("#navRingGroups").click();
      browser.waitForPath("/ringgroups/index.xhtml");
      assertThat(browser.text("[id='list:table']")).contains("No ring groups yet.");
      browser.find("#add").click();
      browser.waitForPath("/ringgroups/edit.xhtml");

      browser.type("edit:name", "Sales");
      browser.toggleOption(
          "edit:strategy", "In order: each member rings for the ring time, then the next");
      retype(browser, "edit:ringSeconds_input", "15");
      browser.type("edit:members", "302, 399");
      browser.submit("edit:save");
      browser.waitForText("“399” is not an extension of this account.");
      assertThat(db.queryValue("SELECT COUNT(*) FROM ring_group WHERE account_id = ?", customer))
          .isEqualTo(0L);

      browser.type("edit:members", "302, 301, 303");
      browser.submit("edit:save");
      browser.waitForText("The ring group Sales was saved.");
      assertThat(browser.text("[id='list:table']"))
          .contains("Sales", "302, 301, 303", "In order, 15 s each", "The phone number’s");
      groupId =
          ((Number)
                  db.queryValue(
                      "SELECT id FROM ring_group WHERE account_id = ? AND name = 'Sales'",
                      customer))
              .longValue();
      assertThat(members(db, groupId)).containsExactly("302", "301", "303");
      assertThat(db.queryValue("SELECT strategy FROM ring_group WHERE id = ?", groupId))
          .isEqualTo("IN_ORDER");

      browser.open("/dids/edit.xhtml?id=" + didId);
      assertThat(browser.isPresent("[id='route:ringTimeout_input']"))
          .as("the number rings an extension or nothing: its ring timeout is asked")
          .isTrue();
      browser.find("[id='route:ringGroup']").click();
      browser.find("[id='route:ringGroup_items'] li[data-label='Sales']").click();
      browser.waitUntil(() -> browser.isPresent("#ringTimeoutForGroup"));
      assertThat(browser.isPresent("[id='route:ringTimeout_input']"))
          .as("a ring group rings for its own time: no ring timeout of the number")
          .isFalse();
      browser.submit("route:save");
      browser.waitForText("The number’s routing was saved.");
      assertThat(db.queryValue("SELECT ring_group_id FROM did WHERE id = ?", didId))
          .isEqualTo(groupId);
      assertThat(browser.text("[id='list:table']")).contains("A ring group");

      browser.open("/dids/edit.xhtml?id=" + didId);
      assertThat(browser.text("#ringTimeoutForGroup"))
          .isEqualTo(
              "Ring timeout: this number rings a ring group, so the group’s own ring time applies"
                  + " (set on the Ring groups page). A ring timeout of the number is used only when"
                  + " it rings an extension.");
      assertThat(browser.isPresent("[id='route:ringTimeout_input']")).isFalse();
      assertThat(browser.text("#routingNowSummary"))
          .isEqualTo(
              "Calls ring the ring group “Sales”, but none of its members has a phone registered"
                  + " now.");
      assertThat(browser.text("#routingNowStrategy")).contains("for 15 seconds, one member");
      assertThat(browser.text("[id='routingNowMembers']"))
          .contains("302 — Phone 302", "301 — Phone 301", "No phone registered: skipped");
      assertThat(browser.text("#routingNowFallback")).contains("There is no continuity");

      browser.resize(390, 844);
      for (String page :
          List.of("/ringgroups/index.xhtml", "/ringgroups/edit.xhtml?id=" + groupId)) {
        browser.open(page);
        browser.find("h1");
        assertThat(
                ((Number) browser.script("return document.documentElement.scrollWidth"))
                    .longValue())
            .as(page + " at phone width")
            .isLessThanOrEqualTo(390L);
      }
      browser.resize(1366, 900);
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.useLanguage("fr");
      browser.find("#navRingGroups").click();
      browser.waitForPath("/ringgroups/index.xhtml");
      assertThat(browser.find("#navRingGroups").getText()).isEqualTo("Groupes de sonnerie");
      assertThat(browser.text("[id='list:table']")).contains("Dans l’ordre, 15 s chacun");

      browser.clickInRow("list:table", "Sales", "delete");
      browser.find("[id='list:confirmYes']").click();
      browser.waitForText(
          "Le groupe de sonnerie Sales ne peut pas être supprimé : des numéros de téléphone le"
              + " font encore sonner (1). Acheminez-les ailleurs d’abord.");
      assertThat(db.queryValue("SELECT COUNT(*) FROM ring_group WHERE id = ?", groupId))
          .isEqualTo(1L);

      browser.open("/ringgroups/edit.xhtml?id=" + groupId);
      browser.type("edit:members", "");
      browser.submit("edit:save");
      browser.waitForText("Indiquez au moins un poste comme membre.");
      assertThat(members(db, groupId)).containsExactly("302", "301", "303");

      // reordered: every member changes place at once (the stored rows keep their key)
      browser.open("/ringgroups/edit.xhtml?id=" + groupId);
      browser.type("edit:members", "303, 302, 301");
      browser.submit("edit:save");
      browser.waitForText("Le groupe de sonnerie Sales a été enregistré.");
      assertThat(members(db, groupId)).containsExactly("303", "302", "301");

      browser.open("/dids/edit.xhtml?id=" + didId);
      assertThat(browser.text("#ringTimeoutForGroup"))
          .startsWith("Délai de sonnerie : ce numéro fait sonner un groupe de sonnerie");
      assertThat(browser.isPresent("[id='route:ringTimeout_input']")).isFalse();

      // a deleted extension leaves the group
      browser.open("/extensions/index.xhtml");
      browser.clickInRow("extensions:table", "303", "delete");
      browser.find("[id='extensions:confirmYes']").click();
      browser.waitForText("Le poste a été supprimé");
      assertThat(members(db, groupId)).containsExactly("302", "301");
      browser.open("/ringgroups/index.xhtml");
      assertThat(browser.text("[id='list:table']")).contains("302, 301").doesNotContain("303");

      browser.open("/audit/index.xhtml");
      assertThat(browser.text("[id='audit:events']"))
          .contains("Groupe de sonnerie Sales", "Groupe de sonnerie créé")
          .doesNotContain("ring_group:");
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, stranger);
      browser.open("/ringgroups/index.xhtml");
      assertThat(browser.text("[id='list:table']")).doesNotContain("Sales");
      browser.open("/ringgroups/edit.xhtml?id=" + groupId);
      assertThat(browser.pageText()).contains("Page not found").doesNotContain("Sales");
    }
  }

  /** Replaces what a formatted input (p:inputNumber) holds with {@code text}. */
  private static void retype(Browser browser, String id, String text) {
    WebElement input = browser.find("[id='" + id + "']");
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
  }

  /** The group's members' numbers in ringing order. */
  private static List<String> members(TestUsers db, long groupId) {
    long count =
        ((Number)
                db.queryValue(
                    "SELECT COUNT(*) FROM ring_group_member WHERE ring_group_id = ?", groupId))
            .longValue();
    List<String> numbers = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      numbers.add(
          (String)
              db.queryValue(
                  "SELECT e.number FROM ring_group_member m JOIN extension e ON e.id ="
                      + " m.extension_id WHERE m.ring_group_id = ? ORDER BY m.position LIMIT 1"
                      + " OFFSET ?",
                  groupId,
                  i));
    }
    return numbers;
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
}
