package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The role dashboards of {@code /home.xhtml} in a real browser: each test seeds its own accounts
 * and users and compares what the page shows with the database. The shared server's other tests add
 * rows at any time, so platform-wide figures are checked to lie between a count taken before the
 * page loaded and one taken after it.
 */
@ExtendWith(RunningDialtone.class)
class DashboardIT {

  /** The ids of the platform section's figures; {@link #platformCounts} has the same keys. */
  private static final List<String> PAGE_FIGURES =
      List.of(
          "resellers",
          "customersActive",
          "customersSuspended",
          "usersActive",
          "usersPending",
          "usersDisabled");

  /** The zone of every seeded account (the column's default), so of its users' pages. */
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  /** A relative time of a moment ago. */
  private static final String JUST_NOW = "just now|\\d+ min ago";

  /** A time written the ISO way (2026-11-28T07:52), not for people. */
  private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}";

  private static final String FAILED_SIGN_INS =
      "action IN ('SIGN_IN_FAILED', 'TOTP_REPLAY', 'SIGN_IN_THROTTLED')";

  @Test
  void aPlatformAdminSeesPlatformCountsRecentSecurityEventsAndASignInChart(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long reseller = db.account(1L, "RESELLER", "Dash Reseller " + unique);
    long suspended = db.account(reseller, "CUSTOMER", "Dash Suspended " + unique);
    db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", suspended);
    SeededUser victim =
        db.user("CUSTOMER_USER", db.account(reseller, "CUSTOMER", "Dash " + unique));
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser attacker = new Browser(server.baseUrl())) {
      SignIn.withPassword(attacker, victim, "Not-the-password-" + unique);
    }

    Map<String, Long> before = platformCounts(db);
    Object chainBefore = lastChainCheck(db);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      Map<String, Long> after = platformCounts(db);
      Object chainAfter = lastChainCheck(db);

      for (String figure : PAGE_FIGURES) {
        assertThat(number(browser, figure))
            .as(figure)
            .isBetween(before.get(figure), after.get(figure));
      }
      assertThat(before.get("customersSuspended")).isPositive();

      WebElement events = browser.find("[id='securityEvents']");
      assertThat(events.getText())
          .contains(victim.email())
          .doesNotContain("user:" + victim.id())
          .contains("Sign-in failed")
          .doesNotContainPattern(ISO_TIME);
      assertThat(events.findElements(By.cssSelector("tbody tr"))).hasSizeBetween(1, 10);
      assertThat(browser.find("#auditLink").getDomAttribute("href")).endsWith("/audit/index.xhtml");

      List<List<Long>> chart = chartData(browser, "signInChart_canvas");
      assertThat(chart).hasSize(2);
      assertThat(chart.get(0)).hasSize(14);
      assertThat(chart.get(1)).hasSize(14);
      assertThat(chart.get(1).getLast())
          .isBetween(before.get("failedToday"), after.get("failedToday"));
      assertThat(chart.get(0).getLast())
          .isBetween(before.get("completedToday"), after.get("completedToday"));
      assertThat(chart.get(0).getLast()).isPositive(); // the admin's own sign-in
      assertThat(number(browser, "signInsFailed"))
          .isEqualTo(chart.get(1).stream().mapToLong(Long::longValue).sum());
      assertThat(browser.find("#signInChart_canvas").getSize().getHeight()).isPositive();
      assertNoCspViolation(browser);

      // System health: each figure links to its page.
      assertThat(browser.text("[id='jobsState']")).isEqualTo("All jobs scheduled");
      assertThat(number(browser, "failedJobRuns")).isZero();
      assertThat(number(browser, "registeredExtensions")).isNotNegative();
      assertThat(number(browser, "platformCallsNow")).isNotNegative();
      assertThat(number(browser, "bans")).isNotNegative();
      assertThat(browser.find("[id='bansLink']").getDomAttribute("href"))
          .endsWith("/sip/bans.xhtml");
      assertThat(browser.findAll("[id='trunkHealth'] tbody tr a"))
          .hasSizeBetween(
              (int) before.get("trunks").longValue(), (int) after.get("trunks").longValue());
      if (chainBefore == null && chainAfter == null) {
        assertThat(browser.text("#chainCheck")).contains("not run in the last 7 days");
      } else {
        assertThat(browser.text("#chainCheck")).containsPattern("(Intact|Broken) – ");
      }
      assertThat(browser.find("[id='chainLink']").getDomAttribute("href"))
          .endsWith("/audit/index.xhtml");

      assertThat(browser.text("#accountName")).isEqualTo("Dialtone platform");
      assertThat(browser.find("[id='usersForm:accountUsers']").getText()).contains(admin.email());
      assertThat(browser.isPresent("#resellerCustomers")).isFalse();
      assertThat(browser.isPresent("#support")).isFalse();
    }
  }

  @Test
  void aPlatformAdminSeesHowFarTheCallSummariesBackfillGot(DialtoneServer server) throws Exception {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long reseller = db.account(1L, "RESELLER", "Backfill Reseller " + unique);
    long done = db.account(reseller, "CUSTOMER", "Backfill Done " + unique);
    long running = db.account(reseller, "CUSTOMER", "Backfill Running " + unique);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Connection lock = db.connect()) {
      // the backfill job needs this named lock: it stays away while the page is read
      try (PreparedStatement s =
              lock.prepareStatement("SELECT GET_LOCK('dialtone.cdr.summary-backfill', 30)");
          ResultSet rs = s.executeQuery()) {
        assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
      }
      db.execute("DELETE FROM cdr_summary_backfill");
      db.execute("UPDATE cdr_facet_start SET complete_from = UTC_TIMESTAMP(6)");
      db.execute("UPDATE cdr_number_facet_start SET complete_from = UTC_TIMESTAMP(6)");
      db.execute(
          "INSERT INTO cdr_summary_backfill (account_id, complete_from, oldest_day, calls_counted,"
              + " started_at, finished_at) VALUES (?, '2026-01-10', '2026-01-10', 1234,"
              + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
          done);
      db.execute(
          "INSERT INTO cdr_summary_backfill (account_id, complete_from, oldest_day, calls_counted,"
              + " started_at) VALUES (?, '2026-03-01', '2026-01-30', 766, UTC_TIMESTAMP(6))",
          running);
      try (Browser browser = new Browser(server.baseUrl())) {
        SignIn.withBothFactors(browser, admin);
        assertThat(browser.text("[id='backfillState']")).isEqualTo("Backfill running");
        assertThat(number(browser, "summaryBackfill")).isEqualTo(2000);
        assertThat(number(browser, "backfillAccounts")).isEqualTo(1);
        assertThat(number(browser, "backfillAccountsAll")).isEqualTo(2);
        assertThat(number(browser, "backfillDaysLeft")).isEqualTo(30);
      }
    } finally {
      db.execute("UPDATE cdr_facet_start SET complete_from = NULL");
      db.execute("UPDATE cdr_number_facet_start SET complete_from = NULL");
      db.execute("DELETE FROM cdr_summary_backfill");
    }
  }

  @Test
  void aResellerAdminSeesExactlyTheirOwnCustomersWithStatusAndUsers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long resellerA = db.account(1L, "RESELLER", "Reseller A " + unique);
    long bigA = db.account(resellerA, "CUSTOMER", "Big A " + unique);
    long smallA = db.account(resellerA, "CUSTOMER", "Small A " + unique);
    db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", smallA);
    long resellerB = db.account(1L, "RESELLER", "Reseller B " + unique);
    long customerB = db.account(resellerB, "CUSTOMER", "Other B " + unique);
    SeededUser adminOfBigA = db.user("CUSTOMER_ADMIN", bigA);
    db.user("CUSTOMER_USER", bigA);
    db.user("CUSTOMER_ADMIN", smallA);
    SeededUser userOfB = db.user("CUSTOMER_ADMIN", customerB);
    SeededUser admin = db.user("RESELLER_ADMIN", resellerA);
    // Big A spent 9.00 of its 10.00 daily cap today (its zone's day): 90 %, needs attention.
    db.execute("UPDATE account SET daily_spend_cap = 10.00 WHERE id = ?", bigA);
    db.execute(
        "INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec,"
            + " minutes, cost) VALUES (?, ?, 3, 3, 0, 540, 9, 9.00)",
        bigA,
        java.sql.Date.valueOf(LocalDate.now(TORONTO)));
    for (long account : new long[] {bigA, customerB}) {
      db.execute(
          "INSERT INTO limit_request (account_id, cap, amount, reason, status, requested_by,"
              + " requested_at) VALUES (?, 'DAILY_SPEND', 20.00, 'Busy week', 'PENDING', ?,"
              + " UTC_TIMESTAMP(6))",
          account,
          account == bigA ? adminOfBigA.id() : userOfB.id());
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);

      List<WebElement> rows = browser.findAll("[id='customersForm:customerTable'] tbody tr");
      assertThat(rows).hasSize(2);
      assertThat(cells(rowWith(rows, "Big A " + unique)))
          .containsExactly(
              "Big A " + unique,
              number(db, bigA),
              "Active",
              "2",
              today(Locale.ENGLISH),
              "0",
              "9.00 CAD of 10.00 CAD (90 %)",
              "9.00 CAD (no cap)");
      assertThat(cells(rowWith(rows, "Small A " + unique)))
          .containsExactly(
              "Small A " + unique,
              number(db, smallA),
              "Suspended",
              "1",
              today(Locale.ENGLISH),
              "0",
              "0.00 CAD (no cap)",
              "0.00 CAD (no cap)");
      assertThat(
              rowWith(rows, "Big A " + unique)
                  .findElement(By.cssSelector("td:nth-child(7) a"))
                  .getDomAttribute("href"))
          .endsWith("/cdrs/index.xhtml?account=" + bigA);
      List<WebElement> attention = browser.findAll("#attention li");
      assertThat(attention).hasSize(2);
      assertThat(rowWith(attention, "Big A " + unique).getText())
          .endsWith("spend today at 90 % of the cap");
      assertThat(rowWith(attention, "Small A " + unique).getText()).endsWith("Suspended");
      assertThat(
              rowWith(attention, "Big A " + unique)
                  .findElement(By.tagName("a"))
                  .getDomAttribute("href"))
          .endsWith("/accounts/edit.xhtml?id=" + bigA);
      List<WebElement> pending = browser.findAll("#pendingRequests li");
      assertThat(pending).hasSize(1);
      assertThat(pending.getFirst().getText())
          .contains("Big A " + unique)
          .contains("Daily spend")
          .containsPattern(JUST_NOW);
      assertThat(browser.find("[id='pendingLink']").getDomAttribute("href"))
          .endsWith("/usage/requests.xhtml");
      assertThat(number(browser, "customerCount")).isEqualTo(2);
      assertThat(number(browser, "customerActiveCount")).isEqualTo(1);
      assertThat(number(browser, "customerSuspendedCount")).isEqualTo(1);
      assertThat(number(browser, "customerUserCount")).isEqualTo(3);

      List<String> labels = chartLabels(browser, "usersChart_canvas");
      assertThat(labels).containsExactly("Big A " + unique, "Small A " + unique);
      assertThat(chartData(browser, "usersChart_canvas")).containsExactly(List.of(2L, 1L));
      assertNoCspViolation(browser);

      String source = browser.driver().getPageSource();
      assertThat(source)
          .doesNotContain("Reseller B " + unique)
          .doesNotContain("Other B " + unique)
          .doesNotContain(number(db, customerB))
          .doesNotContain(userOfB.email());
      assertThat(browser.isPresent("#platform")).isFalse();
      assertThat(browser.isPresent("[id='securityEvents']")).isFalse();
      assertThat(browser.text("#accountName")).isEqualTo("Reseller A " + unique);
    }
  }

  @Test
  void aCustomerAdminSeesTheAccountDetailsAndItsUsers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long reseller = db.account(1L, "RESELLER", "Reseller " + unique);
    long customer = db.account(reseller, "CUSTOMER", "Acme " + unique);
    long sibling = db.account(reseller, "CUSTOMER", "Sibling " + unique);
    db.execute(
        "UPDATE account SET billing_email = ?, time_zone = 'America/Vancouver', language = 'fr'"
            + " WHERE id = ?",
        "billing-" + unique + "@acme.example",
        customer);
    SeededUser admin = db.user("CUSTOMER_ADMIN", customer);
    SeededUser colleague = db.user("CUSTOMER_USER", customer);
    SeededUser leaver = db.user("CUSTOMER_USER", customer);
    db.execute("UPDATE app_user SET status = 'DISABLED' WHERE id = ?", leaver.id());
    SeededUser stranger = db.user("CUSTOMER_USER", sibling);
    db.execute(
        "UPDATE account SET daily_spend_cap = 50.00, concurrent_calls_cap = 4 WHERE id = ?",
        customer);
    db.execute(
        "INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec,"
            + " minutes, cost) VALUES (?, ?, 7, 4, 3, 600, 10, 12.5)",
        customer,
        java.sql.Date.valueOf(LocalDate.now(ZoneId.of("America/Vancouver"))));
    for (String number : new String[] {"201", "202"}) {
      db.execute(
          "INSERT INTO extension (account_id, number, display_name, type, realm, ha1_sha256,"
              + " ha1_md5, created_at) VALUES (?, ?, 'Desk', 'USER', ?, 'test', 'test',"
              + " UTC_TIMESTAMP(6))",
          customer,
          number,
          "dash-" + customer + ".sip.dialtone.invalid");
    }

    // failed registrations: one burst told to two people counts once, one of last month not at all
    guessingNotice(db, admin, customer, "burst:1:1", 1);
    guessingNotice(db, colleague, customer, "burst:1:1", 1);
    guessingNotice(db, admin, customer, "burst:2:2", 2);
    guessingNotice(db, admin, customer, "burst:3:3", 30);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);

      // Today: figures against the caps, phones, the 30-day chart, each linking to its page.
      assertThat(browser.text("#guessing")).isEqualTo("2");
      assertThat(browser.find("a[id$='guessingLink']").getDomAttribute("href"))
          .endsWith("/notices/index.xhtml");
      assertThat(browser.text("#callsNow")).contains("0 of 4 (0 %)");
      assertThat(browser.text("#spendToday")).contains("12.50 CAD of 50.00 CAD (25 %)");
      assertThat(browser.text("#spendMonth")).contains("12.50 CAD (no cap)");
      assertThat(browser.text("#callsToday")).isEqualTo("7");
      assertThat(browser.text("#blockedToday")).isEqualTo("3");
      assertThat(browser.text("#phonesRegistered")).isEqualTo("0");
      assertThat(browser.text("[id='phonesOf']")).isEqualTo("of 2 (2 not registered)");
      assertThat(browser.find("#spendToday a").getDomAttribute("href"))
          .endsWith("/usage/index.xhtml");
      List<List<Long>> calls = chartData(browser, "callsChart_canvas");
      assertThat(calls.get(0)).hasSize(30).endsWith(4L);
      assertThat(calls.get(1)).hasSize(30).endsWith(3L);

      assertThat(browser.text("#accountName")).isEqualTo("Acme " + unique);
      assertThat(browser.text("#accountNumber"))
          .isEqualTo(number(db, customer))
          .matches("C-\\d{6}");
      assertThat(browser.text("#accountStatus")).isEqualTo("Active");
      assertThat(browser.text("#accountCountry")).isEqualTo("Canada");
      assertThat(browser.text("#accountTimeZone")).isEqualTo("America/Vancouver");
      assertThat(browser.text("#accountLanguage")).isEqualTo("Français");
      assertThat(browser.text("#accountBillingEmail"))
          .isEqualTo("billing-" + unique + "@acme.example");

      List<WebElement> rows = browser.findAll("[id='usersForm:accountUsers'] tbody tr");
      assertThat(rows).hasSize(3);
      assertThat(rowWith(rows, admin.email()).getText())
          .contains("Customer administrator")
          .contains("Active")
          .containsPattern(JUST_NOW)
          .doesNotContain("Never");
      assertThat(rowWith(rows, colleague.email()).getText())
          .contains("Customer user")
          .contains("Active")
          .contains("Never");
      assertThat(rowWith(rows, leaver.email()).getText()).contains("Disabled");
      assertThat(browser.driver().getPageSource())
          .doesNotContain(stranger.email())
          .doesNotContain("Sibling " + unique);
      assertThat(browser.isPresent("#platform")).isFalse();
      assertThat(browser.isPresent("#resellerCustomers")).isFalse();
      assertThat(browser.isPresent("#support")).isFalse();
      assertNoCspViolation(browser);
    }
  }

  @Test
  void aCustomerUserSeesTheirProfileAndSignInHistoryOnly(DialtoneServer server) throws Exception {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long reseller = db.account(1L, "RESELLER", "Reseller " + unique);
    long customer = db.account(reseller, "CUSTOMER", "Acme " + unique);
    SeededUser user = db.user("CUSTOMER_USER", customer);
    SeededUser colleague = db.user("CUSTOMER_ADMIN", customer);
    // Extension 201 is the user's (PIN set, one phone registered), 202 a colleague's.
    Map<String, SipExtensions.Extension> phones =
        SipExtensions.create(server, colleague, "201", "202");
    db.execute(
        "UPDATE extension SET assigned_user_id = ?, pin_hash = 'not-a-real-hash',"
            + " pin_must_change = FALSE WHERE account_id = ? AND number = '201'",
        user.id(),
        customer);
    CallPeers.register(phones.get("201"), SipExtensions.sipPort() + 190);
    String mine = "+1514555" + (1000 + (int) (Math.random() * 9000));
    String theirs = "+1416555" + (1000 + (int) (Math.random() * 9000));
    long myCall = call(db, customer, "201", mine);
    call(db, customer, "202", theirs);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withPassword(browser, user, "Wrong-" + unique);
      SignIn.withBothFactors(browser, user);

      assertThat(browser.findAll("#myPhones > li")).hasSize(1);
      assertThat(browser.text("#phone-201"))
          .contains("201")
          .contains("Phone 201")
          .contains("1 phone registered")
          .contains("Phone/1.0")
          .contains("Voicemail PIN: Set");
      List<WebElement> calls = browser.findAll("[id='myCalls'] tbody tr");
      assertThat(calls).hasSize(1);
      // The number the way a Canadian account writes it (libphonenumber), not E.164.
      String mineShown = "(514) 555-" + mine.substring(8);
      assertThat(cells(calls.getFirst())).hasSize(4).endsWith("Outbound", mineShown, "Answered");
      assertThat(cells(calls.getFirst()).getFirst()).matches(JUST_NOW);
      assertThat(calls.getFirst().findElement(By.tagName("a")).getDomAttribute("href"))
          .endsWith("/cdrs/call.xhtml?id=" + myCall);
      assertThat(browser.find("[id='myExtensionLink']").getDomAttribute("href"))
          .endsWith("/extensions/mine.xhtml");
      assertThat(browser.driver().getPageSource()).doesNotContain(theirs);
      assertThat(browser.isPresent("#phone-202")).isFalse();

      assertThat(browser.text("#profileEmail")).isEqualTo(user.email());
      String email = user.email();
      assertThat(browser.text("#profileName"))
          .isEqualTo("Test " + email.substring(email.indexOf('-') + 1, email.indexOf('@')));
      assertThat(browser.text("#profileAccount"))
          .contains("Acme " + unique)
          .contains(number(db, customer));
      assertThat(browser.text("#profileRoles")).isEqualTo("Customer user");
      assertThat(browser.text("#profileLastSignIn")).matches(JUST_NOW);
      assertThat(browser.text("[id='activity']"))
          .contains("Signed in (authenticator code)")
          .contains("Password accepted")
          .contains("Sign-in failed")
          .containsPattern(JUST_NOW)
          .doesNotContain("UTC")
          .doesNotContainPattern(ISO_TIME);
      // In the account's zone (America/Toronto by default), named once under the content.
      assertThat(browser.find("#profileLastSignIn time").getDomAttribute("datetime"))
          .matches(ISO_TIME + ".*-0[45]:00");
      assertThat(browser.find("#profileLastSignIn time").getDomAttribute("title"))
          .startsWith(today(Locale.ENGLISH));
      assertThat(browser.findAll("[id='timeZone']")).hasSize(1);
      assertThat(browser.text("[id='timeZone']"))
          .isEqualTo("Times are in America/Toronto (Eastern Time).");
      assertThat(browser.text("#profileTimeZone")).isEqualTo("America/Toronto");

      // Their own zone: saved, used at once and at the next sign-in; empty goes back to the
      // account's.
      new org.openqa.selenium.support.ui.Select(browser.find("[id='zoneForm:zone']"))
          .selectByValue("Asia/Tokyo");
      browser.submit("zoneForm:saveZone");
      assertThat(browser.pageText()).contains("Your time zone is saved");
      assertThat(browser.text("[id='timeZone']"))
          .isEqualTo("Times are in Asia/Tokyo (Japan Time).");
      assertThat(browser.find("#profileLastSignIn time").getDomAttribute("datetime"))
          .endsWith("+09:00");
      assertThat(db.queryValue("SELECT time_zone FROM app_user WHERE id = ?", user.id()))
          .isEqualTo("Asia/Tokyo");
      try (Browser again = new Browser(server.baseUrl())) {
        SignIn.withBothFactors(again, user);
        assertThat(again.text("[id='timeZone']")).startsWith("Times are in Asia/Tokyo");
        new org.openqa.selenium.support.ui.Select(again.find("[id='zoneForm:zone']"))
            .selectByValue("");
        again.submit("zoneForm:saveZone");
        assertThat(again.text("[id='timeZone']")).startsWith("Times are in America/Toronto");
      }
      assertThat(db.queryValue("SELECT time_zone FROM app_user WHERE id = ?", user.id())).isNull();

      assertThat(browser.isPresent("#ownAccount")).isFalse();
      assertThat(browser.isPresent("#platform")).isFalse();
      assertThat(browser.isPresent("#resellerCustomers")).isFalse();
      assertThat(browser.isPresent("#support")).isFalse();
      assertThat(browser.driver().getPageSource()).doesNotContain(colleague.email());

      browser.useLanguage("fr");
      assertThat(browser.text("#phone-201"))
          .contains("1 téléphone enregistré")
          .contains("NIP de messagerie vocale : Défini");
      assertThat(cells(browser.findAll("[id='myCalls'] tbody tr").getFirst()))
          .hasSize(4)
          .endsWith("Sortant", mineShown, "Répondu");
    } finally {
      CallPeers.unregister(phones.get("201"), SipExtensions.sipPort() + 190);
    }
  }

  /** An answered outbound call of extension {@code number} a moment ago; returns its id. */
  private static long call(TestUsers db, long account, String number, String callee) {
    Object extension =
        db.queryValue(
            "SELECT id FROM extension WHERE account_id = ? AND number = ? AND deleted_at IS NULL",
            account,
            number);
    String callId = "dash-" + UUID.randomUUID();
    db.execute(
        "INSERT INTO cdr (account_id, extension, extension_id, direction, caller, callee,"
            + " remote_digits, dest_class, dest_country, start_time, answer_time, end_time,"
            + " billsec, disposition, cost, currency, call_id) VALUES (?, ?, ?, 1, ?, ?, ?, 4,"
            + " 'CA', UTC_TIMESTAMP(6) - INTERVAL 20 SECOND, UTC_TIMESTAMP(6) - INTERVAL 18"
            + " SECOND, UTC_TIMESTAMP(6) - INTERVAL 2 SECOND, 16, 1, 0.01, 'CAD', ?)",
        account,
        number,
        extension,
        number,
        callee,
        callee.substring(1),
        callId);
    return ((Number) db.queryValue("SELECT id FROM cdr WHERE call_id = ?", callId)).longValue();
  }

  @Test
  void aSupportAgentSeesCustomersWithProblemsTheirSessionsAndRecentActions(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    String unique = unique();
    long reseller = db.account(1L, "RESELLER", "Reseller " + unique);
    long fine = db.account(reseller, "CUSTOMER", "Fine " + unique);
    long suspended = db.account(reseller, "CUSTOMER", "Suspended " + unique);
    db.execute("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", suspended);
    long atCap = db.account(reseller, "CUSTOMER", "At cap " + unique);
    db.execute("UPDATE account SET daily_spend_cap = 5.00 WHERE id IN (?, ?)", atCap, fine);
    db.execute(
        "INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec,"
            + " minutes, cost) VALUES (?, ?, 2, 2, 0, 300, 5, ?)",
        atCap,
        java.sql.Date.valueOf(LocalDate.now(TORONTO)),
        new java.math.BigDecimal("5.00"));
    db.execute(
        "INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec,"
            + " minutes, cost) VALUES (?, ?, 2, 2, 0, 300, 5, ?)",
        fine,
        java.sql.Date.valueOf(LocalDate.now(TORONTO)),
        new java.math.BigDecimal("4.99"));
    // someone guessed a phone's password there: the notice its administrator was told
    long guessed = db.account(reseller, "CUSTOMER", "Guessed " + unique);
    guessingNotice(db, db.user("CUSTOMER_ADMIN", guessed), guessed, "burst:1:1", 1);
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      browser.open("/support/index.xhtml?account=" + fine);
      browser.type("act:reason", "Ticket " + unique);
      browser.submit("act:start");
      assertThat(browser.text("#impersonation")).contains("Ticket " + unique);
      browser.submit("impersonationForm:stop");
      browser.open("/audit/index.xhtml"); // not theirs: refused and audited
      long customersBefore = customers(db);
      browser.open("/home.xhtml");
      long customersAfter = customers(db);

      assertThat(number(browser, "supportCustomers")).isBetween(customersBefore, customersAfter);
      assertThat(customersBefore).isPositive();
      assertThat(browser.text("[id='recentActions']")).contains("Access refused");
      List<WebElement> problems = browser.findAll("#problems li");
      assertThat(rowWith(problems, "Suspended " + unique).getText())
          .isEqualTo("Suspended " + unique + " (" + number(db, suspended) + ") – suspended");
      assertThat(rowWith(problems, "At cap " + unique).getText())
          .endsWith("at its daily spend cap today");
      assertThat(rowWith(problems, "Guessed " + unique).getText())
          .endsWith("someone tried to guess a phone’s password in the last 7 days");
      assertThat(problems).noneMatch(p -> p.getText().contains("Fine " + unique));
      assertThat(
              rowWith(problems, "At cap " + unique)
                  .findElement(By.tagName("a"))
                  .getDomAttribute("href"))
          .endsWith("/support/index.xhtml?account=" + atCap);
      WebElement session = browser.findAll("#sessions li").getFirst();
      assertThat(session.getText()).startsWith("Fine " + unique).containsPattern(JUST_NOW);
      assertThat(session.findElement(By.tagName("a")).getDomAttribute("href"))
          .endsWith("/support/index.xhtml?account=" + fine);
      assertThat(browser.isPresent("#platform")).isFalse();
      assertThat(browser.isPresent("#ownAccount")).isFalse();
      assertThat(browser.text("#profileRoles")).isEqualTo("Support agent");
    }
  }

  @Test
  void theDashboardSpeaksFrenchWithFrenchNumbersAndDays(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.useLanguage("fr");

      assertThat(browser.text("#platformHeading")).isEqualTo("Vue d’ensemble de la plateforme");
      assertThat(browser.text("#signInsHeading"))
          .isEqualTo("Connexions des 14 derniers jours (UTC)");
      assertThat(chartLabels(browser, "signInChart_canvas").getLast()).endsWith(".");
      assertThat(browser.text("#profileRoles")).isEqualTo("Administrateur de la plateforme");
      assertThat(browser.text("[id='activity']"))
          .contains("Connecté (code d’authentificateur)")
          .containsPattern("à l’instant|il y a \\d+ min")
          .doesNotContainPattern(ISO_TIME);
      assertThat(browser.text("[id='timeZone']")).startsWith("Heures affichées : ");
      assertNoCspViolation(browser);

      // The check above would see a violation: an inline script added now is refused and logged.
      script(
          browser,
          "const s = document.createElement('script'); s.textContent = 'window.x = 1';"
              + " document.body.appendChild(s);");
      assertThat(browser.consoleMessages()).anyMatch(m -> m.contains("Content Security Policy"));
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The platform-wide figures the dashboard shows, straight from the database. */
  private static Map<String, Long> platformCounts(TestUsers db) {
    return Map.of(
        "resellers", count(db, "SELECT COUNT(*) FROM account WHERE kind = 'RESELLER'"),
        "customersActive",
            count(db, "SELECT COUNT(*) FROM account WHERE kind = 'CUSTOMER' AND status = 'ACTIVE'"),
        "customersSuspended",
            count(
                db,
                "SELECT COUNT(*) FROM account WHERE kind = 'CUSTOMER' AND status = 'SUSPENDED'"),
        "usersActive", count(db, "SELECT COUNT(*) FROM app_user WHERE status = 'ACTIVE'"),
        "usersPending", count(db, "SELECT COUNT(*) FROM app_user WHERE status = 'PENDING'"),
        "usersDisabled", count(db, "SELECT COUNT(*) FROM app_user WHERE status = 'DISABLED'"),
        "trunks", count(db, "SELECT COUNT(*) FROM trunk"),
        "failedToday",
            count(
                db,
                "SELECT COUNT(*) FROM audit_event WHERE occurred_at >= UTC_DATE() AND "
                    + FAILED_SIGN_INS),
        "completedToday",
            count(
                db,
                "SELECT COUNT(*) FROM audit_event WHERE occurred_at >= UTC_DATE()"
                    + " AND action IN ('SIGN_IN_MFA', 'SIGN_IN_RECOVERY_CODE')"));
  }

  /** The newest audit chain check of the last 7 days, or null. */
  private static Object lastChainCheck(TestUsers db) {
    return db.queryValue(
        "SELECT MAX(id) FROM audit_event WHERE action = 'AUDIT_CHAIN_VERIFIED'"
            + " AND occurred_at >= UTC_TIMESTAMP() - INTERVAL 7 DAY");
  }

  private static long customers(TestUsers db) {
    return count(db, "SELECT COUNT(*) FROM account WHERE kind = 'CUSTOMER'");
  }

  private static long count(TestUsers db, String sql) {
    return ((Number) db.queryValue(sql)).longValue();
  }

  private static String number(TestUsers db, long accountId) {
    return (String) db.queryValue("SELECT account_number FROM account WHERE id = ?", accountId);
  }

  /** A figure on the page, whatever the locale's digit grouping. */
  private static long number(Browser browser, String id) {
    return Long.parseLong(browser.text("[id='" + id + "']").replaceAll("\\D", ""));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /**
   * Today in the seeded accounts' zone as the pages write a date: medium style, e.g. "Nov 28,
   * 2026", "28 nov. 2026".
   */
  private static String today(Locale locale) {
    return LocalDate.now(TORONTO)
        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }

  private static WebElement rowWith(List<WebElement> rows, String text) {
    return rows.stream().filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
  }

  /** Each data set's values of the Chart.js chart drawn on the canvas, once it is drawn. */
  @SuppressWarnings("unchecked")
  private static List<List<Long>> chartData(Browser browser, String canvasId) {
    return (List<List<Long>>)
        waitForChart(
            browser,
            () ->
                script(
                    browser,
                    "const c = Chart.getChart(document.getElementById(arguments[0]));"
                        + " return c ? c.data.datasets.map(d => d.data) : null;",
                    canvasId));
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartLabels(Browser browser, String canvasId) {
    return (List<String>)
        waitForChart(
            browser,
            () ->
                script(
                    browser,
                    "const c = Chart.getChart(document.getElementById(arguments[0]));"
                        + " return c ? c.data.labels : null;",
                    canvasId));
  }

  private static Object waitForChart(Browser browser, Supplier<Object> read) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> read.get());
  }

  private static Object script(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  /** The page ran under its Content-Security-Policy without a refusal (SECURITY.md G4). */
  /**
   * The notice a burst of failed registrations against one of {@code account}'s phones leaves its
   * administrator {@code to}, {@code daysAgo} days ago (a real burst needs 20 failed digests from
   * one address, which would ban the tests' own address in the shared server).
   */
  private static void guessingNotice(
      TestUsers db, SeededUser to, long account, String key, int daysAgo) {
    db.execute(
        "INSERT INTO portal_notice (user_id, account_id, kind, subject, body, created_at,"
            + " dedupe_key) VALUES (?, ?, 'SIP_FAILURE_BURST', 'Someone is guessing', 'Guessing',"
            + " UTC_TIMESTAMP(6) - INTERVAL ? DAY + INTERVAL 1 MINUTE, ?)",
        to.id(),
        account,
        daysAgo,
        key);
  }

  private static void assertNoCspViolation(Browser browser) {
    assertThat(browser.consoleMessages())
        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
  }
}
