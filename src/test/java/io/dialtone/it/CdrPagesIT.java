package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.bench.CdrGenerator;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.launcher.DialtoneServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The CDR pages in a real browser, in English and in French: a customer administrator filters the
 * blocked calls in one click, opens one and sees the reason and the deciding rule, follows the link
 * to the rule tester, which shows the same verdict; then exports the filter as CSV, sees the export
 * finish and downloads the file (with the browser's session), which holds exactly the blocked calls
 * with UTC times. The calls are written as the CDR generator writes them ({@link
 * CdrGenerator#writeAccount}); the premium number is blocked by the account's default call policy,
 * so the tester agrees.
 */
@ExtendWith(RunningDialtone.class)
class CdrPagesIT {

  private static final String PREMIUM = "+19002345678";

  @Test
  void aCustomerAdminFindsABlockedCallFollowsItToTheTesterAndExportsTheCsv(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    seed(server, db, account);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navCdrs").click();
      browser.waitForPath("/cdrs/index.xhtml");
      assertThat(browser.text("#totalCalls")).isEqualTo("22");
      assertThat(browser.text("#totalBlocked")).isEqualTo("2");

      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 / 2");
      assertThat(browser.text("#totalCalls")).isEqualTo("2");
      assertThat(browser.text("[id='list:calls']")).contains(PREMIUM).contains("Blocked");

      openCall(browser, PREMIUM);
      assertThat(browser.text("#reason")).contains("Premium-rate numbers blocked");
      assertThat(browser.text("#rule")).isEqualTo("PREMIUM_BLOCKED");
      assertThat(browser.text("#callee")).isEqualTo(PREMIUM);
      assertThat(browser.text("#disposition")).isEqualTo("Blocked");
      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");
      assertThat(browser.text("#rule")).isEqualTo("Premium-rate numbers blocked");

      browser.open("/cdrs/index.xhtml");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 / 2");
      browser.find("[id='export:start']").click();
      browser.waitForText("Export ready: 2 calls.");
      List<String> csv = download(server, browser);
      assertThat(csv).hasSize(3);
      assertThat(csv.get(0)).startsWith("id,start,answer,end,direction,extension,caller,callee");
      assertThat(csv.subList(1, 3))
          .allMatch(l -> l.contains(",BLOCKED,"))
          .anyMatch(l -> l.contains("," + PREMIUM + ",PREMIUM,US,0,BLOCKED,PREMIUM_BLOCKED,"))
          .allMatch(l -> l.matches("[0-9]+,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z,,.*"));
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'CDRS_EXPORTED'"
                    + " AND detail LIKE '%rows=2'",
                "user:" + admin.id()))
        .isEqualTo(1L);
  }

  @Test
  void unAdministrateurTrouveUnAppelBloqueEtExporteEnFrancais(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    seed(server, db, account);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("button[lang='fr']").click();
      browser.find("html[lang='fr']");
      browser.open("/cdrs/index.xhtml");
      assertThat(browser.text("h1")).isEqualTo("Enregistrements d’appels");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 / 2");
      assertThat(browser.text("[id='list:calls']")).contains("Bloqué").contains(PREMIUM);

      openCall(browser, PREMIUM);
      assertThat(browser.text("#blockedNotice")).contains("Bloqué :");
      assertThat(browser.text("#reason")).contains("Numéros surtaxés bloqués");
      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      assertThat(browser.text("#verdict")).isEqualTo("Bloqué");
      assertThat(browser.text("#rule")).isEqualTo("Numéros surtaxés bloqués");

      browser.open("/cdrs/index.xhtml");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 / 2");
      browser.find("[id='export:start']").click();
      browser.waitForText("Exportation prête : 2 appels.");
      assertThat(download(server, browser)).hasSize(3);
    }
  }

  /** Opens the call of the list row showing {@code number}. */
  private static void openCall(Browser browser, String number) {
    WebElement row =
        browser.findAll("[id='list:calls'] tbody tr").stream()
            .filter(r -> r.getText().contains(number))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("a[id$=':open']")).click();
    browser.waitForPath("/cdrs/call.xhtml");
  }

  /** Fetches the export's download link with the browser's session; the CSV's lines. */
  private static List<String> download(DialtoneServer server, Browser browser) {
    String href = browser.find("[id='export:download']").getDomProperty("href");
    assertThat(href).contains("/cdrs/export.csv?job=");
    HttpResponse<String> response =
        Https.send(
            HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie())
                .GET()
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .matches(
            "attachment; filename=\"cdr-[A-Za-z0-9-]+-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
    // once only: the file is gone after its download
    assertThat(
            Https.send(
                    HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie())
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(404);
    return response.body().lines().toList();
  }

  /** 20 answered calls of extension 201 over the last days and two blocked attempts. */
  private static void seed(DialtoneServer server, TestUsers db, long account) throws SQLException {
    ZoneId zone =
        ZoneId.of((String) db.queryValue("SELECT time_zone FROM account WHERE id = ?", account));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<CallRecord> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Instant start = now.minus(i * 7L + 1, ChronoUnit.HOURS);
      Instant answer = start.plusSeconds(3);
      String callee = "+1416555" + (1000 + i);
      calls.add(
          new CallRecord(
              AccountId.of(account),
              new ExtensionNumber("201"),
              Direction.OUTBOUND,
              "+14165550100",
              callee,
              CallRecord.digitsOf(callee),
              DestinationClass.LOCAL,
              "CA",
              start,
              answer,
              answer.plusSeconds(30 + i),
              30 + i,
              Disposition.ANSWERED,
              null,
              null,
              "carrier-a",
              List.of(new TrunkAttempt("carrier-a", 200)),
              UUID.randomUUID() + "@it"));
    }
    calls.add(
        blocked(
            account,
            PREMIUM,
            DestinationClass.PREMIUM,
            "US",
            DecidingRule.PREMIUM_BLOCKED,
            now.minus(3, ChronoUnit.HOURS)));
    calls.add(
        blocked(
            account,
            "+442079460000",
            DestinationClass.INTERNATIONAL,
            "GB",
            DecidingRule.INTERNATIONAL_BLOCKED,
            now.minus(30, ChronoUnit.HOURS)));
    String url = server.applicationSetting("DIALTONE_DB_URL");
    try (Connection c =
        DriverManager.getConnection(
            url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
            server.applicationSetting("DIALTONE_DB_USER"),
            server.applicationSetting("DIALTONE_DB_PASSWORD"))) {
      c.setAutoCommit(false);
      CdrGenerator.writeAccount(c, calls, zone);
      c.commit();
    }
  }

  private static CallRecord blocked(
      long account,
      String number,
      DestinationClass destination,
      String country,
      DecidingRule rule,
      Instant at) {
    return new CallRecord(
        AccountId.of(account),
        new ExtensionNumber("201"),
        Direction.OUTBOUND,
        "201",
        number,
        CallRecord.digitsOf(number),
        destination,
        country,
        at,
        null,
        at,
        0,
        Disposition.BLOCKED,
        rule,
        null,
        null,
        List.of(),
        UUID.randomUUID() + "@it");
  }
}
