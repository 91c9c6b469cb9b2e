package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a new user tripped over in the portal, checked in a real browser in one walk per user (a
 * sign-in costs seconds): a first visit travels compressed; a bad id in an address is "not found"
 * (not an error page, not an empty form); the bell is an icon, not an emoji; an out of range
 * retention is refused, not quietly changed; on a phone the menu folds behind its button; French
 * amounts are typed as the French write them and a wrong one is named by its field; filters stay in
 * their own box; the site has its icon.
 */
@ExtendWith(RunningDialtone.class)
class PortalFindingsIT {

  @Test
  void aCustomerAdministratorsWalkThroughTheFindings(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      firstVisitTravelsCompressed(browser);
      badIdsAreNotFound(browser);
      bellIsAnIcon(browser);
      retentionOutOfRangeIsRefused(browser);
      menuFoldsOnAPhone(browser);
      frenchAmounts(browser, db, account);
    }
  }

  @Test
  void filtersStayInTheirBoxesOnTheStaffPagesAndDetailPagesSayWhereTheySit(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      detailPagesHaveBreadcrumbs(browser, db);
      for (int width : new int[] {1366, 900}) {
        browser.resize(width, 900);
        for (String page : new String[] {"/cdrs/index.xhtml", "/audit/index.xhtml"}) {
          browser.open(page);
          browser.find(".dt-filters");
          assertThat(browser.overlaps(".dt-filters")).as(page + " at " + width).isEmpty();
        }
      }
    }
  }

  /**
   * A customer user's home page builds the dashboards' charts of other roles but shows none: on a
   * first visit it loads no chart script (the customer administrator's, which shows one, does:
   * {@link #firstVisitTravelsCompressed}).
   */
  @Test
  void chartScriptsTravelOnlyToPagesThatShowAChart(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      List<Long> seen = coldVisit(browser, "/home.xhtml", "a customer user");
      assertThat(seen.get(4)).as("charts shown").isZero();
      assertThat(seen.get(2)).as("chart scripts loaded").isZero();
    }
  }

  /**
   * {@code page} with an empty cache: bytes transferred, bytes decoded, chart scripts loaded, their
   * bytes transferred, charts on the page; printed.
   */
  private static List<Long> coldVisit(Browser browser, String page, String who) {
    browser.disableCache();
    browser.open(page);
    browser.find("h1");
    @SuppressWarnings("unchecked")
    List<Number> seen =
        (List<Number>)
            browser.script(
                "const all = [...performance.getEntriesByType('navigation'),"
                    + " ...performance.getEntriesByType('resource')];"
                    + "const charts = all.filter(e => /chart\\/chart\\.js|moment\\/moment\\.js/"
                    + ".test(e.name));"
                    + "return [all.reduce((n, e) => n + e.transferSize, 0),"
                    + " all.reduce((n, e) => n + e.decodedBodySize, 0),"
                    + " charts.length, charts.reduce((n, e) => n + e.transferSize, 0),"
                    + " document.querySelectorAll('.dt-chart').length];");
    List<Long> figures = seen.stream().map(Number::longValue).toList();
    System.out.printf(
        "First visit of %s as %s: %d bytes transferred, %d decoded; %d chart scripts (%d bytes"
            + " transferred), %d charts%n",
        page, who, figures.get(0), figures.get(1), figures.get(2), figures.get(3), figures.get(4));
    return figures;
  }

  @Test
  void versionedResourcesAreCompressedAndCachedForAYearAndTheSiteHasItsIcon(DialtoneServer server) {
    HttpResponse<String> signIn =
        Https.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/signin.xhtml"))
                .header("Accept-Encoding", "gzip, br")
                .build());
    assertThat(signIn.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(signIn.headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> page = Https.get(server.baseUrl() + "/signin.xhtml");
    Matcher script = Pattern.compile("src=\"([^\"]+\\.js[^\"]*)\"").matcher(page.body());
    assertThat(script.find()).isTrue();
    String url = server.baseUrl() + script.group(1).replace("&amp;", "&");
    assertThat(url).contains("v=");
    HttpResponse<String> resource =
        Https.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build());
    assertThat(resource.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(resource.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));

    HttpResponse<String> icon = Https.get(server.baseUrl() + "/favicon.ico");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("icon"));
  }

  /** Each staff detail page shows Home, its list (a link to it) and itself, above its title. */
  private static void detailPagesHaveBreadcrumbs(Browser browser, TestUsers db) {
    long account = db.newCustomerAccount();
    SeededUser member = db.user("CUSTOMER_USER", account);
    String did = "+1613556" + String.format("%04d", account % 10_000);
    db.execute(
        "INSERT INTO did (number, account_id, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))",
        did,
        account);
    Object didId = db.queryValue("SELECT id FROM did WHERE number = ?", did);
    String[][] pages = {
      {"/accounts/edit.xhtml?id=" + account, "Accounts", "Edit account", "/accounts/index.xhtml"},
      {"/users/edit.xhtml?id=" + member.id(), "Users", member.email(), "/users/index.xhtml"},
      {
        "/dids/edit.xhtml?id=" + didId,
        "Phone numbers",
        "(613) 556-" + did.substring(8),
        "/dids/index.xhtml"
      },
      {"/trunks/edit.xhtml", "Carrier trunks", "Add a carrier trunk", "/trunks/index.xhtml"},
    };
    for (String[] page : pages) {
      browser.open(page[0]);
      assertThat(Breadcrumbs.of(browser)).as(page[0]).containsExactly("Home", page[1], page[2]);
      browser.find("#breadcrumbParent").click();
      browser.waitForPath(page[3]);
    }
  }

  /**
   * The home page with an empty cache: what travels (compressed) against what the page is made of
   * (what travelled before compression); it shows a chart, so the chart scripts come with it.
   */
  private static void firstVisitTravelsCompressed(Browser browser) {
    List<Long> seen = coldVisit(browser, "/home.xhtml", "a customer administrator");
    assertThat(seen.get(0)).isLessThan(seen.get(1) / 2);
    assertThat(seen.get(4)).as("charts shown").isPositive();
    assertThat(seen.get(2)).as("chart scripts loaded").isEqualTo(2);
  }

  private static void badIdsAreNotFound(Browser browser) {
    for (String page :
        new String[] {
          "/cdrs/call.xhtml?id=abc",
          "/users/edit.xhtml?id=abc",
          "/extensions/edit.xhtml?id=abc",
          "/dids/edit.xhtml?id=abc",
          "/cdrs/index.xhtml?account=abc"
        }) {
      browser.open(page);
      assertThat(browser.text("h1")).as(page).isEqualTo("Page not found");
      assertThat(browser.isPresent("form input[type='text']")).as(page).isFalse();
    }
  }

  private static void bellIsAnIcon(Browser browser) {
    browser.open("/home.xhtml");
    assertThat(browser.isPresent("#navNotices .pi-bell")).isTrue();
    assertThat(browser.text("#navNotices")).doesNotContain("\uD83D\uDD14");
    assertThat(
            browser.script(
                "return getComputedStyle(document.querySelector('#navNotices .pi-bell'),"
                    + " '::before').fontFamily"))
        .asString()
        .contains("primeicons");
  }

  private static void retentionOutOfRangeIsRefused(Browser browser) {
    browser.open("/cdrs/index.xhtml");
    String before = browser.text("[id='retention:current']");
    browser.type("retention:months", "5");
    browser.find("[id='retention:saveRetention']").click();
    browser.waitForText("Months to keep (12 to 120): enter a number from 12 to 120.");
    assertThat(browser.text("[id='retention:current']")).isEqualTo(before);
    assertThat(browser.pageText()).doesNotContain("are now kept");

    browser.type("retention:months", "36");
    browser.find("[id='retention:saveRetention']").click();
    browser.waitForText("Call records are now kept 36 months.");
  }

  private static void menuFoldsOnAPhone(Browser browser) {
    browser.open("/home.xhtml");
    assertThat(browser.findAll("#menuButton").getFirst().isDisplayed())
        .as("no menu button on a wide screen")
        .isFalse();
    assertThat(browser.find("#navCdrs").isDisplayed()).isTrue();

    browser.resize(390, 844);
    browser.open("/home.xhtml");
    assertThat(browser.find("#menuButton").getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.find("#navNotices").isDisplayed()).isTrue();
    assertThat(browser.findAll("#navCdrs").getFirst().isDisplayed()).isFalse();
    assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
        .isLessThanOrEqualTo(390);
    browser.find("#menuButton").click();
    assertThat(browser.find("#menuButton").getDomAttribute("aria-expanded")).isEqualTo("true");
    browser.find("#navUsage").click();
    browser.waitForPath("/usage/index.xhtml");
    browser.resize(1280, 1000);
  }

  private static void frenchAmounts(Browser browser, TestUsers db, long account) {
    browser.useLanguage("fr");
    browser.open("/usage/index.xhtml");
    browser.type("limits:dailySpend", "20,50");
    browser.submit("limits:save");
    assertThat(browser.pageText()).contains("Vos limites ont été enregistrées.");
    assertThat(
            (BigDecimal)
                db.queryValue("SELECT daily_spend FROM usage_limit WHERE account_id = ?", account))
        .isEqualByComparingTo("20.50");
    assertThat(browser.find("[id='limits:dailySpend']").getDomProperty("value")).isEqualTo("20,50");

    browser.type("limits:dailySpend", "4O");
    browser.type("limits:concurrentCalls", "deux");
    browser.submit("limits:save");
    assertThat(browser.text("[id='limits:dailySpendMessage']"))
        .isEqualTo(
            "Votre limite de dépenses par jour (CAD) : « 4O » n’est pas un nombre. "
                + "Saisissez-le comme 20,50.");
    assertThat(browser.text("[id='limits:concurrentCallsMessage']"))
        .isEqualTo("Votre limite d’appels simultanés : « deux » n’est pas un nombre entier.");
    assertThat(browser.pageText()).doesNotContain("must be", "Example", "2147483647");
  }
}
