package io.dialtone.it;

import static io.dialtone.it.CallPeers.assertPassed;
import static io.dialtone.it.CallPeers.call;
import static io.dialtone.it.CallPeers.register;
import static io.dialtone.it.CallPeers.startCall;
import static io.dialtone.it.CallPeers.uas;
import static io.dialtone.it.CallPeers.uasPort;
import static io.dialtone.it.HostileInvites.hostile;
import static io.dialtone.it.HostileInvites.receivedAnything;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Outbound calls through Dialtone's proxy with real SIP peers: sipp phones as callers, sipp UAS as
 * the carriers behind two trunks this class owns for its duration (priority 1 on UAS port 0,
 * priority 2 on UAS port 1, both with a setup time of 1 s, made and deleted on the trunks page, so
 * the trunk directory follows at once). Each test checks the SIP answers and the CDR (and the usage
 * rows, e-mails and notices) the calls leave: failover, call blocking, an emergency call against
 * every block and a reached cap, the spend and concurrent-call caps, the ceiling of calls in
 * progress, and hostile INVITEs. Every account is this class's own.
 */
@ExtendWith(RunningDialtone.class)
class SipTrunkCallsIT {

  /** A Montreal number, rated 1.00 CAD a started minute by this class's rate deck. */
  private static final String MONTREAL = "+15145550111";

  private static final String RATES =
      """
      prefix,description,price_per_minute,currency,increment,effective_from,effective_to
      +1,Canada and US,0.01000,CAD,6/6,2020-01-01,
      +1514555,Montreal test range,1.00000,CAD,60/60,2020-01-01,
      +44,United Kingdom,0.02000,CAD,6/6,2020-01-01,
      +447,United Kingdom mobile,0.08000,CAD,60/60,2020-01-01,
      """;

  private static DialtoneServer server;
  private static TestUsers db;
  private static SeededUser platform;
  private static String first;
  private static String second;
  private static final List<String> othersDisabled = new ArrayList<>();

  /** Failover, the concurrent-call cap (2) and the hostile INVITEs. */
  private static Tenant plain;

  /** International, premium and long distance blocked. */
  private static Tenant blocked;

  /** Every class blocked, no outbound class of service, a daily spend cap of 0 (reached). */
  private static Tenant shut;

  /** A daily spend cap of 2.50 CAD. */
  private static Tenant spender;

  /** A concurrent-call cap equal to the server's ceiling of calls in progress. */
  private static Tenant busy;

  private record Tenant(long id, SeededUser admin, Extension phone, String did) {}

  @BeforeAll
  static void provision(DialtoneServer started) throws Exception {
    server = started;
    db = new TestUsers(server);
    platform = db.user("PLATFORM_ADMIN", 1L);
    String unique = SipUdpClient.newId().substring(0, 6);
    first = "wire1-" + unique;
    second = "wire2-" + unique;
    // one browser for the whole set-up: each administrator signs in, does its part, signs out
    try (Browser browser = new Browser(server.baseUrl())) {
      ownTheTrunks(browser);
      plain = tenant(browser, "731", "INTERNATIONAL");
      db.execute("UPDATE account SET concurrent_calls_cap = 2 WHERE id = ?", plain.id());
      blocked = tenant(browser, "741", "INTERNATIONAL");
      db.execute(
          "INSERT INTO call_policy_account (account_id, block_international, block_long_distance,"
              + " block_premium) VALUES (?, TRUE, TRUE, TRUE)",
          blocked.id());
      shut = tenant(browser, "751", "INTERNAL_ONLY");
      db.execute(
          "INSERT INTO call_policy_account (account_id, block_international, block_long_distance,"
              + " block_premium) VALUES (?, TRUE, TRUE, TRUE)",
          shut.id());
      db.execute("UPDATE account SET daily_spend_cap = 0.00 WHERE id = ?", shut.id());
      spender = tenant(browser, "761", "INTERNATIONAL");
      db.execute("UPDATE account SET daily_spend_cap = 2.50 WHERE id = ?", spender.id());
      busy = tenant(browser, "771", "INTERNATIONAL");
      db.execute(
          "UPDATE account SET concurrent_calls_cap = ? WHERE id = ?",
          RunningDialtone.CALL_CEILING,
          busy.id());
    }
  }

  /**
   * The platform administrator disables any other enabled trunk, adds this class's two and puts
   * this class's rates in the deck, all on the pages (each change reaches the directory at once).
   */
  private static void ownTheTrunks(Browser browser) throws IOException {
    SignIn.withBothFactors(browser, platform);
    browser.open("/trunks/index.xhtml");
    for (String other : enabledTrunks()) {
      browser.clickInRow("trunks:table", other, "disable");
      browser.waitForText(other + " is disabled");
      othersDisabled.add(other);
    }
    addTrunk(browser, first, uasPort(0), 1);
    addTrunk(browser, second, uasPort(1), 2);
    browser.open("/rates/index.xhtml");
    Path file = Files.createTempFile("rates-", ".csv");
    Files.writeString(file, RATES, StandardCharsets.UTF_8);
    browser.find("input[type='file']").sendKeys(file.toAbsolutePath().toString());
    browser.submit("upload:send");
    assertThat(browser.pageText()).contains("The rate deck was replaced: 4 rates.");
    browser.submit("signOutForm:signOut");
  }

  private static List<String> enabledTrunks() {
    List<String> names = new ArrayList<>();
    long count = ((Number) db.queryValue("SELECT COUNT(*) FROM trunk WHERE enabled")).longValue();
    for (long i = 0; i < count; i++) {
      names.add(
          (String)
              db.queryValue(
                  "SELECT name FROM trunk WHERE enabled ORDER BY id LIMIT 1 OFFSET ?", i));
    }
    return names;
  }

  private static void addTrunk(Browser browser, String name, int port, int priority) {
    browser.open("/trunks/edit.xhtml");
    browser.type("edit:name", name);
    browser.type("edit:host", "127.0.0.1");
    browser.type("edit:port", Integer.toString(port));
    browser.type("edit:priority", Integer.toString(priority));
    browser.type("edit:setupTimeout", "1");
    browser.submit("edit:save");
    browser.waitForText(name + " was added");
  }

  /** The trunks go (deleted on the page) and the others come back as they were. */
  @AfterAll
  static void giveTheTrunksBack() {
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.open("/trunks/index.xhtml");
      for (String name : List.of(first, second)) {
        browser.clickInRow("trunks:table", name, "delete");
        browser.find("[id='trunks:confirmYes']").click();
        browser.waitForText(name + " was deleted");
      }
      for (String other : othersDisabled) {
        browser.clickInRow("trunks:table", other, "enable");
        browser.waitForText(other + " is enabled");
      }
    }
  }

  /**
   * A new customer account whose administrator makes extension {@code number} on the page, with the
   * class of service {@code classOfService}, a registered phone and a DID of its own.
   */
  private static Tenant tenant(Browser browser, String number, String classOfService)
      throws Exception {
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SignIn.withBothFactors(browser, admin);
    Extension phone = SipExtensions.create(browser, number).get(number);
    browser.submit("signOutForm:signOut");
    db.execute(
        "UPDATE call_policy_extension SET class_of_service = ? WHERE account_id = ?"
            + " AND extension_number = ?",
        classOfService,
        account,
        number);
    String did = "+1613555" + String.format("%04d", account % 10_000);
    db.execute(
        "INSERT INTO did (number, account_id, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))",
        did,
        account);
    register(phone, Sipp.freeUdpPort()); // a phone on the line: only a registered phone may call
    return new Tenant(account, admin, phone, did);
  }

  /** A North American +1NPANXXXXXX number as the call page shows it: (NPA) NXX-XXXX. */
  private static String national(String e164) {
    return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
  }

  @AfterEach
  void endLeftovers() {
    CallPeers.endLeftovers();
  }

  // ---------------------------------------------------------------------------------------------
  // Failover

  @Test
  void aTrunkAnswering503IsLeftForTheNextWhichConnectsTheCallAndTheCdrListsBoth() throws Exception {
    Sipp.Running refuses = uas("uas-reject", uasPort(0), Map.of("STATUS", "503"));
    Sipp.Running answers = uas("uas-carrier", uasPort(1), expect(MONTREAL, plain.did()));
    String callId = "failover-" + SipUdpClient.newId();
    Sipp.Result call = call("call-talk", plain.phone(), MONTREAL, callId, Map.of());
    assertPassed(call, "the caller, connected");
    assertPassed(refuses.await(30), "the first trunk (503)");
    assertPassed(answers.await(30), "the second trunk");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("direction")).as("OUTBOUND").isEqualTo(1L);
    assertThat(cdr.get("trunk")).isEqualTo(second);
    assertThat((String) cdr.get("trunk_attempts"))
        .as("each attempt with its answer and when it came")
        .matches(first + "=503@\\d+," + second + "=200@\\d+");
    assertThat(cdr.get("caller")).isEqualTo(plain.did());
    assertThat(cdr.get("callee")).isEqualTo(MONTREAL);
  }

  @Test
  void aTrunkThatNeverAnswersIsLeftAfterItsSetupTimeForTheNext() throws Exception {
    Sipp.Running answers = uas("uas-carrier", uasPort(1), expect(MONTREAL, plain.did()));
    String callId = "silent-" + SipUdpClient.newId();
    Instant start = Instant.now();
    Sipp.Result call = call("call-talk", plain.phone(), MONTREAL, callId, Map.of());
    assertPassed(call, "the caller, connected");
    assertThat(Duration.between(start, Instant.now()))
        .as("the first trunk's setup time (1 s) passed first")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertPassed(answers.await(30), "the second trunk");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("trunk")).isEqualTo(second);
    assertThat((String) cdr.get("trunk_attempts"))
        .as("no answer is written 408")
        .matches(first + "=408@\\d+," + second + "=200@\\d+");
  }

  @Test
  void withEveryTrunkDownThePhoneGets503AndTheCdrSaysFailed() throws Exception {
    String callId = "down-" + SipUdpClient.newId();
    Sipp.Result call =
        call(
            "call-refused",
            plain.phone(),
            MONTREAL,
            callId,
            Map.of("FINAL", "503", "EXPECT", "No trunk available"));
    assertPassed(call, "the caller got 503");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("FAILED").isEqualTo(4L);
    assertThat(cdr.get("sip_status")).isEqualTo(503L);
    assertThat(cdr.get("answer_time")).isNull();
    assertThat((String) cdr.get("trunk_attempts"))
        .matches(first + "=408@\\d+," + second + "=408@\\d+");
  }

  /**
   * The customer sees a call that failed over on the CDR pages: in the list, then in its detail
   * with both trunk attempts (name, answer in words, when it came after the start, in the viewer's
   * number format) and the trunk that carried it, in English and in French.
   */
  @Test
  void aCallThatFailedOverIsOnTheCdrPageWithItsTrunkAttemptsInEnglishAndFrench() throws Exception {
    Sipp.Running refuses = uas("uas-reject", uasPort(0), Map.of("STATUS", "503"));
    Sipp.Running answers = uas("uas-carrier", uasPort(1), expect(MONTREAL, plain.did()));
    String callId = "onpage-" + SipUdpClient.newId();
    assertPassed(
        call("call-talk", plain.phone(), MONTREAL, callId, Map.of()), "the caller, connected");
    assertPassed(refuses.await(30), "the first trunk (503)");
    assertPassed(answers.await(30), "the second trunk");
    long id = CallPeers.cdrId(db, callId + "-1");
    List<TrunkAttempt> tried = TrunkAttempt.decode((String) cdr(callId).get("trunk_attempts"));
    assertThat(tried).extracting(TrunkAttempt::trunk).containsExactly(first, second);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, plain.admin());
      browser.useLanguage("en");
      browser.open("/cdrs/index.xhtml");
      openFromTheList(browser, id);
      assertThat(browser.text("#direction")).isEqualTo("Outbound");
      // numbers as people of the account's country (Canada) write them
      assertThat(browser.text("#callee")).isEqualTo("(514) 555-0111");
      assertThat(browser.text("#caller")).isEqualTo(national(plain.did()));
      assertThat(browser.text("#disposition")).isEqualTo("Answered");
      assertThat(browser.text("#trunk")).isEqualTo(second);
      assertThat(browser.findAll("#attempts li"))
          .extracting(WebElement::getText)
          .containsExactly(
              first + " 503 Service unavailable (" + after(tried.get(0), Locale.ENGLISH) + ")",
              second + " 200 OK (" + after(tried.get(1), Locale.ENGLISH) + ")");

      browser.useLanguage("fr");
      browser.open("/cdrs/index.xhtml");
      openFromTheList(browser, id);
      assertThat(browser.text("#direction")).isEqualTo("Sortant");
      assertThat(browser.text("#disposition")).isEqualTo("Répondu");
      assertThat(browser.text("#trunk")).isEqualTo(second);
      assertThat(browser.findAll("#attempts li"))
          .extracting(WebElement::getText)
          .containsExactly(
              first + " 503 Service indisponible (" + after(tried.get(0), Locale.FRENCH) + ")",
              second + " 200 OK (" + after(tried.get(1), Locale.FRENCH) + ")");
    }
  }

  /**
   * A call in progress as its customer sees it while it rings: on the calling extension's page (the
   * number called, ringing) and in the usage page's gauge of calls in progress against the
   * account's cap of 2; gone from the extension's page once the caller hung up.
   */
  @Test
  void aRingingCallIsOnItsExtensionsPageAndInTheCallsGaugeUntilTheCallerHangsUp() throws Exception {
    Sipp.Running rings = uas("uas-ring", uasPort(0), Map.of());
    long extension =
        ((Number)
                db.queryValue(
                    "SELECT id FROM extension WHERE account_id = ? AND number = ?",
                    plain.id(),
                    plain.phone().number()))
            .longValue();
    try (Browser browser = new Browser(server.baseUrl());
        SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      SignIn.withBothFactors(browser, plain.admin());
      browser.useLanguage("en");
      String invite =
          DialogPhone.ringing(phone, plain.phone(), MONTREAL, "ringing-" + SipUdpClient.newId());
      try {
        browser.open("/extensions/edit.xhtml?id=" + extension);
        assertThat(browser.text("[id='live:calls']")).contains(MONTREAL, "Ringing");
        browser.open("/usage/index.xhtml");
        assertThat(browser.text("#gauges [data-cap='CONCURRENT_CALLS']")).contains("1 of 2");
      } finally {
        assertThat(DialogPhone.cancel(phone, invite))
            .as("the CANCEL's answer, then the INVITE's")
            .containsExactly(200, 487);
      }
      assertPassed(rings.await(30), "the carrier, ringing until cancelled");
      Instant end = Instant.now().plusSeconds(10);
      do {
        browser.open("/extensions/edit.xhtml?id=" + extension);
      } while (!browser.text("[id='live:calls']").contains("No call in progress.")
          && Instant.now().isBefore(end)); // reloaded until the ended call is gone
      assertThat(browser.text("[id='live:calls']")).contains("No call in progress.");
    }
  }

  /** Opens call {@code id} by its link in the CDR list (the newest calls come first). */
  private static void openFromTheList(Browser browser, long id) {
    WebElement link =
        browser.findAll("[id='list:calls'] a[id$=':open']").stream()
            .filter(a -> a.getDomProperty("href").matches(".*[?&]id=" + id + "(&.*)?"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("call " + id + " is not in the list"));
    link.click();
    browser.waitForPath("/cdrs/call.xhtml");
  }

  /** "1.03 s after the start" as the page words it in {@code locale}. */
  private static String after(TrunkAttempt attempt, Locale locale) {
    assertThat(attempt.after()).as("the time of " + attempt).isNotNull();
    java.text.NumberFormat seconds = java.text.NumberFormat.getNumberInstance(locale);
    seconds.setMinimumFractionDigits(2);
    seconds.setMaximumFractionDigits(2);
    String number = seconds.format(attempt.after().toMillis() / 1000.0);
    return Locale.FRENCH.equals(locale)
        ? number + " s après le début"
        : number + " s after the start";
  }

  /**
   * Whatever identity the phone writes in its INVITE (P-Asserted-Identity, P-Preferred-Identity,
   * Remote-Party-ID, Diversion, which carriers also read as the caller's number) with a number the
   * account does not hold, the carrier sees none of it: only the account's caller ID.
   */
  @Test
  void aNumberThePhoneAssertsNeverReachesTheCarrierOnlyTheAccountsCallerIdDoes() throws Exception {
    String foreign = "+15145559876";
    Map<String, String> carrier = new java.util.HashMap<>(expect(MONTREAL, plain.did()));
    carrier.put("FORBID", "5145559876");
    Sipp.Running answers = uas("uas-carrier", uasPort(0), carrier);
    String realm = plain.phone().realm();
    try (SipUdpClient socket = new SipUdpClient("127.0.0.1")) {
      DialogPhone call;
      try {
        call =
            DialogPhone.call(
                socket,
                plain.phone(),
                MONTREAL,
                "asserted-" + SipUdpClient.newId(),
                List.of(
                    "P-Asserted-Identity: <sip:" + foreign + "@" + realm + ">",
                    "P-Preferred-Identity: <sip:" + foreign + "@" + realm + ">",
                    "Diversion: <sip:" + foreign + "@" + realm + ">;reason=unconditional",
                    "Remote-Party-ID: <sip:"
                        + foreign
                        + "@"
                        + realm
                        + ">;party=calling;screen=yes"));
      } catch (AssertionError notConnected) {
        assertPassed(answers.await(30), "the carrier, which refuses a foreign number");
        throw notConnected;
      }
      call.sendBye();
      assertThat(call.byeAnswer()).isEqualTo(200);
    }
    assertPassed(answers.await(30), "the carrier saw the caller ID and no other number");
  }

  // ---------------------------------------------------------------------------------------------
  // Call policy

  @Test
  void blockedNumbersGet403WithTheRuleAndABlockedCdrUntilTheCustomerLiftsTheRule()
      throws Exception {
    Map<String, String> refused =
        Map.of(
            "+442079460000", "international blocked",
            "19002345678", "premium blocked",
            "+14165550199", "long distance blocked");
    for (Map.Entry<String, String> number : refused.entrySet()) {
      String callId = "blocked-" + SipUdpClient.newId();
      Sipp.Result call =
          call(
              "call-refused",
              blocked.phone(),
              number.getKey(),
              callId,
              Map.of(
                  "FINAL",
                  "403",
                  "EXPECT",
                  "Warning: 399 dialtone .Blocked by rule: " + number.getValue() + "."));
      assertPassed(call, "the caller got 403 for " + number.getKey());
      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("BLOCKED").isEqualTo(5L);
      assertThat(cdr.get("block_reason"))
          .isEqualTo(number.getValue().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, blocked.admin());
      browser.open("/calls/blocking.xhtml");
      browser.find("[id='toggles:longDistance'] .ui-chkbox-box").click();
      browser.submit("toggles:save");
      assertThat(browser.pageText()).contains("The call blocking was saved.");
    }
    Sipp.Running answers = uas("uas-carrier", uasPort(0), expect("\\+14165550199", blocked.did()));
    String callId = "lifted-" + SipUdpClient.newId();
    assertPassed(
        call("call-talk", blocked.phone(), "+14165550199", callId, Map.of()),
        "the caller, connected once long distance is allowed");
    assertPassed(answers.await(30), "the first trunk");
    assertThat(cdr(callId).get("disposition")).as("ANSWERED").isEqualTo(1L);
  }

  @Test
  void anEmergencyCallGoesOutThroughTheFirstTrunkWhateverIsBlockedAndWhateverTheCaps()
      throws Exception {
    Sipp.Running answers = uas("uas-carrier", uasPort(0), Map.of("EXPECT", "INVITE sip:911@"));
    String callId = "emergency-" + SipUdpClient.newId();
    assertPassed(call("call-talk", shut.phone(), "911", callId, Map.of()), "the caller");
    assertPassed(answers.await(30), "the first trunk took the call");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("trunk")).isEqualTo(first);
    assertThat(cdr.get("block_reason")).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // Caps

  @Test
  void callsUntilTheSpendCapIsCrossedThenTheNextIs403WithAlertsByMailAndNotice() throws Exception {
    // three calls at 1.00 CAD each (a started minute) against a cap of 2.50 CAD
    Sipp.Running carrier = uas("uas-carrier", uasPort(0), expect(MONTREAL, spender.did()), 3);
    List<String> ids = new ArrayList<>();
    List<Sipp.Running> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String callId = "spend-" + SipUdpClient.newId();
      ids.add(callId);
      calls.add(startCall("call-held", spender.phone(), MONTREAL, callId, Map.of()));
    }
    for (Sipp.Running call : calls) {
      assertPassed(call.await(60), "a caller, held until the maximum duration");
    }
    assertPassed(carrier.await(30), "the carrier");
    for (String callId : ids) {
      assertThat((BigDecimal) cdr(callId).get("cost")).isEqualByComparingTo("1.00");
    }
    awaitAlert(spender.id(), "DAILY_SPEND", 100);

    String callId = "capped-" + SipUdpClient.newId();
    Sipp.Result refused =
        call(
            "call-refused",
            spender.phone(),
            MONTREAL,
            callId,
            Map.of(
                "FINAL", "403", "EXPECT", "Warning: 399 dialtone .Blocked by rule: usage limit."));
    assertPassed(refused, "the caller over the cap got 403");
    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("BLOCKED").isEqualTo(5L);
    assertThat(cdr.get("block_reason")).isEqualTo("USAGE_LIMIT");

    TestSmtp mail = TestSmtp.started();
    for (int level : List.of(80, 100)) {
      mail.await(spender.admin().email(), m -> m.subject().contains(level + " % of the"));
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM portal_notice WHERE account_id = ? AND kind = 'USAGE_ALERT'",
                spender.id()))
        .as("the 80 % and 100 % notices")
        .isEqualTo(2L);
  }

  @Test
  void withAConcurrentCapOfTwoTheThirdSimultaneousCallIs403() throws Exception {
    Sipp.Running carrier = uas("uas-carrier", uasPort(0), expect(MONTREAL, plain.did()), 2);
    List<Sipp.Running> held = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      held.add(
          startCall(
              "call-held", plain.phone(), MONTREAL, "pair-" + SipUdpClient.newId(), Map.of()));
    }
    awaitAlert(plain.id(), "CONCURRENT_CALLS", 100); // two calls in progress
    String callId = "third-" + SipUdpClient.newId();
    Sipp.Result third =
        call(
            "call-refused",
            plain.phone(),
            MONTREAL,
            callId,
            Map.of(
                "FINAL", "403", "EXPECT", "Warning: 399 dialtone .Blocked by rule: usage limit."));
    assertPassed(third, "the third caller got 403");
    for (Sipp.Running call : held) {
      assertPassed(call.await(60), "a held caller");
    }
    assertPassed(carrier.await(30), "the carrier");
    assertThat(cdr(callId).get("block_reason")).isEqualTo("USAGE_LIMIT");
  }

  @Test
  void beyondTheCeilingOfCallsInProgressACallGets503WithRetryAfterAndAFailedCdr() throws Exception {
    int ceiling = RunningDialtone.CALL_CEILING;
    Sipp.Running carrier = uas("uas-carrier", uasPort(0), expect(MONTREAL, busy.did()), ceiling);
    List<Sipp.Running> held = new ArrayList<>();
    for (int i = 0; i < ceiling; i++) {
      held.add(
          startCall("call-held", busy.phone(), MONTREAL, "full-" + SipUdpClient.newId(), Map.of()));
    }
    awaitAlert(busy.id(), "CONCURRENT_CALLS", 100); // the ceiling's count of calls in progress
    String callId = "ceiling-" + SipUdpClient.newId();
    Sipp.Result over =
        call(
            "call-refused",
            busy.phone(),
            MONTREAL,
            callId,
            Map.of("FINAL", "503", "EXPECT", "Retry-After: [0-9]+"));
    assertPassed(over, "the caller beyond the ceiling got 503");
    for (Sipp.Running call : held) {
      assertPassed(call.await(60), "a held caller");
    }
    assertPassed(carrier.await(30), "the carrier");
    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("disposition")).as("FAILED").isEqualTo(4L);
    assertThat(cdr.get("sip_status")).isEqualTo(503L);
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile INVITEs

  @Test
  void hostileInvitesGet4xxOrAreDroppedAndNoneLeavesAnExceptionInTheServerLog() throws Exception {
    Path log = Path.of(server.applicationSetting("DIALTONE_HOME"), "logs", "server.log");
    long before = Files.size(log);
    String nobody = "739"; // no such extension: an admitted call would get 404, never ring
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1");
        java.net.DatagramSocket elsewhere =
            new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      int sip = SipExtensions.sipPort();
      Map<String, Integer> answers = new java.util.LinkedHashMap<>();
      answers.put(
          "Max-Forwards 0", hostile(phone, plain.phone(), nobody, "Max-Forwards: 0", "", ""));
      answers.put(
          "a loop",
          hostile(
              phone,
              plain.phone(),
              nobody,
              "",
              "Via: SIP/2.0/UDP 127.0.0.1:" + sip + ";branch=z9hG4bKloop",
              ""));
      answers.put(
          "a To tag of no dialog", hostile(phone, plain.phone(), nobody, "", "", ";tag=nodialog"));
      answers.put(
          "a Route elsewhere",
          hostile( // out through trunks that are not there: 503
              phone,
              plain.phone(),
              MONTREAL,
              "",
              "Route: <sip:127.0.0.1:" + elsewhere.getLocalPort() + ";lr>",
              ""));
      answers.put("no Via branch", hostile(phone, plain.phone(), nobody, "no-branch", "", ""));
      answers.put(
          "a huge header",
          hostile(phone, plain.phone(), nobody, "", "X-Filler: " + "a".repeat(12_000), ""));
      answers.put(
          "an SDP shorter than its length",
          hostile(phone, plain.phone(), nobody, "long-body", "", ""));
      assertThat(answers)
          .as("4xx, or dropped (0); 503 when no trunk took the call")
          .allSatisfy(
              (what, status) -> assertThat(status).as(what).isIn(0, 400, 404, 481, 482, 483, 503))
          .containsEntry("Max-Forwards 0", 483)
          .containsEntry("a loop", 482)
          .containsEntry("a To tag of no dialog", 481)
          .containsEntry("a Route elsewhere", 503);
      elsewhere.setSoTimeout(300);
      java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
      assertThat(receivedAnything(elsewhere, packet))
          .as("nothing was sent where the Route pointed")
          .isFalse();
    }
    String written;
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      file.seek(before);
      byte[] bytes = new byte[(int) (file.length() - before)];
      file.readFully(bytes);
      written = new String(bytes, StandardCharsets.UTF_8);
    }
    assertThat(written).as("the server log meanwhile").doesNotContain("Exception", "\tat ");
  }

  // ---------------------------------------------------------------------------------------------

  /** What a carrier's INVITE must contain: the number dialled and the account's DID as caller. */
  private static Map<String, String> expect(String dialled, String did) {
    return Map.of(
        "EXPECT",
        "INVITE sip:"
            + dialled.replace("+", "\\+")
            + "@127\\.0\\.0\\.1:[0-9]+ SIP/2\\.0.*P-Asserted-Identity: .sip:"
            + did.replace("+", "\\+")
            + "@");
  }

  /** Waits until the {@code level} % alert of {@code cap} is recorded for {@code account}. */
  private static void awaitAlert(long account, String cap, int level) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(20));
    while (((Number)
                db.queryValue(
                    "SELECT COUNT(*) FROM usage_alert WHERE account_id = ? AND cap = ?"
                        + " AND threshold = ?",
                    account,
                    cap,
                    level))
            .longValue()
        == 0) {
      assertThat(Instant.now()).as("the %d %% alert of %s", level, cap).isBefore(end);
      Thread.sleep(50); // polled: the first sight of the alert's row ends the wait
    }
  }

  private static Map<String, Object> cdr(String callId) throws Exception {
    return CallPeers.cdr(db, callId + "-1");
  }
}
