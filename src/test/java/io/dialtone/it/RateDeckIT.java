package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate deck page in a real browser: a platform administrator uploads a CSV; one bad line shows
 * its number and reason and nothing is imported; a good file replaces the deck. Anyone else gets
 * "Page not found".
 */
@ExtendWith(RunningDialtone.class)
class RateDeckIT {

  private static final String HEADER =
      "prefix,description,price_per_minute,currency,increment,effective_from,effective_to";

  @Test
  void aBadLineIsReportedAndNothingImportedThenAGoodFileReplacesTheDeck(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    long before = count(db, "SELECT COUNT(*) FROM rate");
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navRates").click();
      browser.waitForPath("/rates/index.xhtml");

      upload(
          browser,
          HEADER,
          "+1,Canada and US,0.01000,CAD,6/6,2020-01-01,",
          "+44,United Kingdom,zero,CAD,6/6,2020-01-01,");
      assertThat(browser.pageText())
          .contains("Nothing was imported: 1 lines have errors")
          .contains("The price “zero” is not a number");
      assertThat(browser.text("[id='errorTable']")).contains("3");
      assertThat(count(db, "SELECT COUNT(*) FROM rate")).isEqualTo(before);

      upload(
          browser,
          HEADER,
          "+1,Canada and US,0.01000,CAD,6/6,2020-01-01,",
          "+44,United Kingdom,0.02000,CAD,6/6,2020-01-01,",
          "+447,United Kingdom mobile,0.08000,CAD,60/60,2020-01-01,");
      assertThat(browser.pageText()).contains("The rate deck was replaced: 3 rates.");
      assertThat(browser.text("[id='rates']")).contains("+447", "United Kingdom mobile", "60/60");
      // 2020-01-01 00:00 UTC in the viewer's zone (America/Toronto), never an ISO stamp.
      assertThat(browser.text("[id='rates']"))
          .contains("Dec 31, 2019")
          .contains("0.08")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
      assertThat(browser.isPresent("[id='errorTable']")).isFalse();
    }
    assertThat(count(db, "SELECT COUNT(*) FROM rate")).isEqualTo(3);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM audit_event WHERE action = 'RATE_DECK_UPLOADED' AND actor = ?",
                "user:" + admin.id()))
        .isEqualTo(2);
  }

  @Test
  void aCustomerAdministratorHasNoRateDeckPage(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.customerAdmin());
      assertThat(browser.isPresent("#navRates")).isFalse();
      browser.open("/rates/index.xhtml");
      assertThat(browser.pageText()).contains("Page not found").doesNotContain("Price per minute");
    }
  }

  private static void upload(Browser browser, String... lines) {
    try {
      Path file = Files.createTempFile("rates-", ".csv");
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      browser.find("input[type='file']").sendKeys(file.toAbsolutePath().toString());
      browser.submit("upload:send");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long count(TestUsers db, String sql, Object... params) {
    return ((Number) db.queryValue(sql, params)).longValue();
  }
}
