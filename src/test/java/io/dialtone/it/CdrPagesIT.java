package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.bench.CdrDistribution;
import io.dialtone.bench.CdrGenerator;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.it.SipExtensions.Extension;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** The seeded call that failed over: carrier-b answered 503, carrier-a carried it. */
  private static final String FAILED_OVER = "+14165551000";

  /**
   * The numbers as the pages show them to a Canadian account: the national way (libphonenumber).
   */
  private static final String PREMIUM_SHOWN = "(900) 234-5678";

  private static final String FAILED_OVER_SHOWN = "(416) 555-1000";

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
      browser.waitForText("1–2 of 2");
      assertThat(browser.text("#totalCalls")).isEqualTo("2");
      assertThat(browser.text("[id='list:calls']")).contains(PREMIUM_SHOWN).contains("Blocked");

      openCall(browser, PREMIUM_SHOWN);
      assertThat(browser.text("#reason")).contains("Premium-rate numbers blocked");
      assertThat(browser.text("#rule")).isEqualTo("Open the rule that blocked it");
      assertThat(browser.find("#rule").getDomProperty("href"))
          .contains("/calls/blocking.xhtml?account=" + account);
      assertThat(browser.text("#callee")).isEqualTo(PREMIUM_SHOWN);
      assertThat(browser.text("#disposition")).isEqualTo("Blocked");
      assertThat(browser.text("#sipStatus")).isEqualTo("Not recorded");
      String blockedCall = browser.driver().getCurrentUrl();
      browser.find("#rule").click();
      browser.waitForPath("/calls/blocking.xhtml");
      browser.open(blockedCall);
      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");
      assertThat(browser.text("#rule")).isEqualTo("Premium-rate numbers blocked");

      browser.open("/cdrs/index.xhtml");
      openCall(browser, FAILED_OVER_SHOWN);
      assertThat(browser.text("#attempts"))
          .contains("carrier-b 503 Service unavailable (0.80 s after the start)")
          .contains("carrier-a 200 OK (2.50 s after the start)");
      assertThat(browser.text("#trunk")).isEqualTo("carrier-a");

      browser.open("/cdrs/index.xhtml");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 of 2");
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
      browser.useLanguage("fr");
      browser.open("/cdrs/index.xhtml");
      assertThat(browser.text("h1")).isEqualTo("Enregistrements d’appels");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 sur 2");
      assertThat(browser.text("[id='list:calls']")).contains("Bloqué").contains(PREMIUM_SHOWN);

      openCall(browser, PREMIUM_SHOWN);
      assertThat(browser.text("#blockedNotice")).contains("Bloqué :");
      assertThat(browser.text("#reason")).contains("Numéros surtaxés bloqués");
      assertThat(browser.text("#rule")).isEqualTo("Ouvrir la règle qui l’a bloqué");
      assertThat(browser.text("#sipStatus")).isEqualTo("Non enregistré");
      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      assertThat(browser.text("#verdict")).isEqualTo("Bloqué");
      assertThat(browser.text("#rule")).isEqualTo("Numéros surtaxés bloqués");

      browser.open("/cdrs/index.xhtml");
      openCall(browser, FAILED_OVER_SHOWN);
      assertThat(browser.text("#attempts"))
          .contains("carrier-b 503 Service indisponible (0,80 s après le début)")
          .contains("carrier-a 200 OK (2,50 s après le début)");

      browser.open("/cdrs/index.xhtml");
      browser.find("[id='filter:blocked']").click();
      browser.waitForText("1–2 sur 2");
      browser.find("[id='export:start']").click();
      browser.waitForText("Exportation prête : 2 appels.");
      assertThat(download(server, browser)).hasSize(3);
    }
  }

  /**
   * The list of a busy account as a customer sees it: numbers shown whole, a start time on one line
   * (50 rows stay short), no stray filter box under a heading, the page report in the same number
   * format as the totals, the three filter buttons side by side, "Blocked calls" not red like a
   * delete button, nothing wider than the window at 1366 and 390 px.
   */
  @Test
  void aBusyAccountsListReadsCleanlyInEnglishAndFrenchOnADesktopAndAPhone(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    ZoneId zone =
        ZoneId.of((String) db.queryValue("SELECT time_zone FROM account WHERE id = ?", account));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    write(
        server,
        new CdrDistribution(account, zone, "416", 10, 7)
            .calls(1234, now.minus(20, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS)),
        zone);

    try (Browser browser = new Browser(server.baseUrl())) {
      browser.resize(1366, 900);
      SignIn.withBothFactors(browser, admin);
      browser.open("/cdrs/index.xhtml");
      browser.waitForText("1–50 of 1,234");
      assertThat(browser.text("#totalCalls")).isEqualTo("1,234");
      assertThat(browser.isPresent("[id='list:calls'] .ui-column-filter")).isFalse();
      assertListReadsCleanly(browser);
      assertThat(browser.overlaps(".dt-filters")).isEmpty();
      assertThat(
              lineTops(browser, "[id='filter:apply'], [id='filter:blocked'], [id='filter:reset']"))
          .as("the filter buttons' tops")
          .hasSize(1);
      assertThat(browser.find("[id='filter:blocked']").getDomAttribute("class"))
          .doesNotContain("ui-button-danger");
      assertThat(color(browser, "[id='filter:blocked']"))
          .as("'Blocked calls' looks like 'Last 30 days'")
          .isEqualTo(color(browser, "[id='filter:reset']"));
      assertFitsTheWindow(browser);

      browser.find("[id='list:calls'] .ui-paginator-next").click();
      browser.waitForText("51–100 of 1,234");

      browser.useLanguage("fr");
      browser.open("/cdrs/index.xhtml");
      browser.find("[id='list:calls']");
      assertThat(browser.text("[id='list:calls'] .ui-paginator-current"))
          .matches("1–50 sur 1[\\s\\u202f\\u00a0]234");
      assertThat(browser.text("#totalCalls")).matches("1[\\s\\u202f\\u00a0]234");
      assertListReadsCleanly(browser);

      browser.resize(390, 844);
      browser.open("/cdrs/index.xhtml");
      browser.find("[id='list:calls']");
      assertFitsTheWindow(browser);
      assertThat(browser.overlaps(".dt-filters")).isEmpty();
    }
  }

  /**
   * Calls made by sipp through the running Dialtone, as its call control recorded them, on the
   * pages: an internal call answered and hung up by the caller, one the called phone answered busy
   * (486), one to a premium number the account's rules block (403, no trunk needed); their details
   * name the final SIP answer in words and who hung up, the blocked one its rule with its link, in
   * English and in French.
   */
  @Test
  void callsMadeThroughDialtoneShowTheirSipAnswerAndWhoHungUpInEnglishAndFrench(
      DialtoneServer server) throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    Map<String, Extension> ext =
        SipExtensions.create(server, db.user("CUSTOMER_ADMIN", account), "621", "622");
    Extension caller = ext.get("621");
    Extension callee = ext.get("622");
    int phonePort = CallPeers.uasPort(8);
    String id = SipUdpClient.newId();
    CallPeers.register(caller, CallPeers.uasPort(9));
    CallPeers.register(callee, phonePort);
    try {
      Sipp.Running answers = CallPeers.uas("uas-answer", phonePort, Map.of());
      Sipp.Result talk = CallPeers.call("call-talk", caller, "622", "talk-" + id, Map.of());
      assertThat(talk.passed()).as("the caller:\n" + talk.output()).isTrue();
      assertThat(answers.await(30).passed()).as("the phone that answered").isTrue();
      Sipp.Running busy = CallPeers.uas("uas-reject", phonePort, Map.of("STATUS", "486"));
      Sipp.Result refused =
          CallPeers.call("call-fails", caller, "622", "busy-" + id, Map.of("FINAL", "486"));
      assertThat(refused.passed()).as("the caller got 486:\n" + refused.output()).isTrue();
      assertThat(busy.await(30).passed()).as("the busy phone").isTrue();
    } finally {
      CallPeers.unregister(callee, phonePort);
    }
    Sipp.Result blocked =
        CallPeers.call(
            "call-fails", caller, PREMIUM.substring(1), "blocked-" + id, Map.of("FINAL", "403"));
    assertThat(blocked.passed()).as("the caller got 403:\n" + blocked.output()).isTrue();
    CallPeers.unregister(caller, CallPeers.uasPort(9));
    long talked = CallPeers.cdrId(db, "talk-" + id + "-1");
    long busied = CallPeers.cdrId(db, "busy-" + id + "-1");
    long refusedId = CallPeers.cdrId(db, "blocked-" + id + "-1");

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("CUSTOMER_ADMIN", account));
      browser.open("/cdrs/index.xhtml");
      browser.waitForText("1–3 of 3");
      assertThat(browser.text("[id='list:calls']"))
          .contains("Internal", "622", "Answered · 200", "Busy · 486", "Blocked", PREMIUM_SHOWN);
      browser.open("/cdrs/call.xhtml?id=" + talked);
      assertThat(Breadcrumbs.of(browser)).containsExactly("Home", "Call records", "Call record");
      assertThat(browser.text("#direction")).isEqualTo("Internal");
      assertThat(browser.text("#caller")).isEqualTo("621");
      assertThat(browser.text("#callee")).isEqualTo("622");
      assertThat(browser.text("#disposition")).isEqualTo("Answered");
      assertThat(browser.text("#sipStatus")).isEqualTo("200 OK");
      assertThat(browser.text("#hangupSide")).isEqualTo("Caller hung up");
      assertThat(browser.text("#answer")).isNotEmpty();
      assertThat(browser.pageText()).contains("No trunk was tried.");
      browser.open("/cdrs/call.xhtml?id=" + busied);
      assertThat(browser.text("#disposition")).isEqualTo("Busy");
      assertThat(browser.text("#sipStatus")).isEqualTo("486 Busy here");
      assertThat(browser.text("#hangupSide")).isEqualTo("Not recorded");
      browser.open("/cdrs/call.xhtml?id=" + refusedId);
      assertThat(browser.text("#reason")).contains("Premium-rate numbers blocked");
      assertThat(browser.text("#sipStatus")).isEqualTo("403 Forbidden");
      assertThat(browser.text("#callee")).isEqualTo(PREMIUM_SHOWN);
      assertThat(browser.text("#extension")).isEqualTo("621");
      browser.find("#rule").click();
      browser.waitForPath("/calls/blocking.xhtml");
      browser.open("/cdrs/call.xhtml?id=" + refusedId);
      browser.find("#tester").click();
      browser.waitForPath("/calls/tester.xhtml");
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");

      browser.useLanguage("fr");
      browser.open("/cdrs/call.xhtml?id=" + busied);
      assertThat(browser.text("#sipStatus")).isEqualTo("486 Occupé");
      assertThat(browser.text("#disposition")).isEqualTo("Occupé");
      browser.open("/cdrs/call.xhtml?id=" + talked);
      assertThat(browser.text("#sipStatus")).isEqualTo("200 OK");
      assertThat(browser.text("#hangupSide")).isEqualTo("Raccroché par l’appelant");
      assertThat(browser.text("#direction")).isEqualTo("Interne");
      browser.open("/cdrs/call.xhtml?id=" + refusedId);
      assertThat(browser.text("#reason")).contains("Numéros surtaxés bloqués");
      assertThat(browser.text("#rule")).isEqualTo("Ouvrir la règle qui l’a bloqué");
    }
  }

  /** Every number cell shown whole, every start time on one line, 50 rows of modest height. */
  private static void assertListReadsCleanly(Browser browser) {
    assertThat(browser.findAll("[id='list:calls'] tbody tr")).hasSize(50);
    Object cut =
        browser.script(
            "return [...document.querySelectorAll(\"[id='list:calls'] td.dt-cdrs__number\")]"
                + ".filter(td => td.scrollWidth > td.clientWidth + 1).map(td => td.textContent);");
    assertThat((List<?>) cut).as("number cells cut").isEmpty();
    Object wrapped =
        browser.script(
            "return [...document.querySelectorAll(\"[id='list:calls'] td.dt-cdrs__start a\")]"
                + ".filter(a => a.getClientRects().length > 1).map(a => a.textContent);");
    assertThat((List<?>) wrapped).as("start times on more than one line").isEmpty();
    long height =
        ((Number)
                browser.script(
                    "return document.querySelector(\"[id='list:calls'] tbody\")"
                        + ".getBoundingClientRect().height;"))
            .longValue();
    assertThat(height).as("50 rows' height").isLessThan(50 * 60);
  }

  /** The distinct tops (px, rounded) of the elements matching {@code css}. */
  private static java.util.Set<Long> lineTops(Browser browser, String css) {
    java.util.Set<Long> tops = new java.util.TreeSet<>();
    for (WebElement e : browser.findAll(css)) {
      tops.add(Math.round(e.getRect().getY() / 4.0));
    }
    return tops;
  }

  private static String color(Browser browser, String css) {
    return (String)
        browser.script(
            "const s = getComputedStyle(document.querySelector(arguments[0]));"
                + "return s.backgroundColor + ' ' + s.color + ' ' + s.borderColor;",
            css);
  }

  /** No horizontal scrolling of the page: nothing wider than the window. */
  private static void assertFitsTheWindow(Browser browser) {
    long width =
        ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
    long viewport =
        ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
    assertThat(width).as("page width").isLessThanOrEqualTo(viewport);
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
              i == 0
                  ? List.of(
                      new TrunkAttempt("carrier-b", 503, Duration.ofMillis(800)),
                      new TrunkAttempt("carrier-a", 200, Duration.ofMillis(2500)))
                  : List.of(new TrunkAttempt("carrier-a", 200)),
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
    write(server, calls, zone);
  }

  /** Stores {@code calls} of one account as the CDR generator does (bulk, with their totals). */
  private static void write(DialtoneServer server, List<CallRecord> calls, ZoneId zone)
      throws SQLException {
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
