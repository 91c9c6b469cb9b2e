package io.dialtone.it;

import static io.dialtone.it.CallPeers.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phones behind a NAT, with real SIP peers: a sipp phone registers over TCP a Contact nobody can
 * reach ({@link #NOWHERE}, TEST-NET-1), so that only the connection it registered over leads to it.
 * A carrier's call (a sipp UAC from the declared source of a trunk this class owns for its
 * duration) and an internal call reach it; its ACK, the caller's BYE and its own BYE take the same
 * connection; a BYE after that connection ended gets 430 (Flow Failed, RFC 5626 §5.3). The account
 * is this class's own.
 */
@ExtendWith(RunningDialtone.class)
class SipFlowsIT {

  /** The carrier's address: the trunk's declared source (a loopback address of its own). */
  private static final String CARRIER = "127.0.42.9";

  /** The number the carrier's caller has. */
  private static final String CALLER = "+15145550177";

  /** Where the phones say they are: an address of documentation, where nothing answers. */
  private static final String NOWHERE = "192.0.2.1:5999";

  private static DialtoneServer server;
  private static TestUsers db;
  private static SeededUser platform;
  private static String trunk;
  private static long account;
  private static Map<String, Extension> ext;

  /** Rings 821, whose phone is behind a NAT. */
  private static String did;

  private final List<Process> phones = new ArrayList<>();

  @BeforeAll
  static void provision(DialtoneServer started) throws Exception {
    server = started;
    db = new TestUsers(server);
    platform = db.user("PLATFORM_ADMIN", 1L);
    trunk = "flows-" + SipUdpClient.newId().substring(0, 6);
    account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.open("/trunks/edit.xhtml");
      browser.type("edit:name", trunk);
      browser.type("edit:host", "127.0.0.1");
      browser.type("edit:port", Integer.toString(CallPeers.uasPort(5)));
      browser.type("edit:priority", "900");
      browser.type("edit:setupTimeout", "1");
      browser.type("edit:sources", CARRIER);
      browser.submit("edit:save");
      browser.waitForText(trunk + " was added");
      browser.submit("signOutForm:signOut");
      SignIn.withBothFactors(browser, admin);
      ext = SipExtensions.create(browser, "821", "822", "823");
      browser.submit("signOutForm:signOut");
    }
    did = "+1613557" + String.format("%03d", account % 1000) + "1";
    db.execute(
        "INSERT INTO did (number, account_id, extension_id, created_at) VALUES (?, ?, (SELECT id"
            + " FROM extension WHERE account_id = ? AND number = '821'), UTC_TIMESTAMP(6))",
        did,
        account,
        account);
  }

  @AfterAll
  static void deleteTheTrunk() {
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.open("/trunks/index.xhtml");
      browser.clickInRow("trunks:table", trunk, "delete");
      browser.find("[id='trunks:confirmYes']").click();
      browser.waitForText(trunk + " was deleted");
    }
  }

  @AfterEach
  void endLeftovers() {
    phones.forEach(Process::destroyForcibly);
    CallPeers.endLeftovers();
  }

  @Test
  void aCarriersCallReachesAPhoneBehindANatOverItsConnectionAckAndByeToo() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-answers", 8000);
    String callId = "natin-" + SipUdpClient.newId();
    // the carrier's BYE is answered 200 by the phone itself, which only its connection reaches
    assertPassed(carrier("carrier-call", callId, Map.of()), "the carrier, connected, hung up");
    assertPassed(phone.await(30), "the phone behind the NAT: INVITE, ACK and BYE");

    Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
    assertThat(db.queryValue("SELECT answered_by FROM cdr WHERE call_id = ?", callId + "-1"))
        .isEqualTo("821");
  }

  @Test
  void aPhoneBehindANatHangsUpAndItsByeReachesTheCarrier() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-hangs-up", 8000);
    String callId = "natbye-" + SipUdpClient.newId();
    assertPassed(carrier("carrier-hung-up", callId, Map.of()), "the carrier, hung up on");
    assertPassed(phone.await(30), "the phone behind the NAT: its BYE answered 200");

    Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("hangup_side")).isEqualTo("CALLEE");
  }

  @Test
  void anInternalCallReachesAPhoneBehindANatOverItsConnection() throws Exception {
    Extension caller = ext.get("823");
    CallPeers.register(caller, CallPeers.uasPort(0)); // only a registered extension may call
    try {
      Sipp.Running phone = phoneBehindNat(ext.get("822"), "tcp-phone-answers", 8000);
      String callId = "natint-" + SipUdpClient.newId();
      assertPassed(
          CallPeers.call("call-talk", caller, "822", callId, Map.of()),
          "the caller, connected, hung up");
      assertPassed(phone.await(30), "the phone behind the NAT: INVITE, ACK and BYE");

      Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
      assertThat(cdr.get("direction")).as("INTERNAL").isEqualTo(3L);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
    } finally {
      CallPeers.unregister(caller, CallPeers.uasPort(0));
    }
  }

  /**
   * The phone answers, then its connection ends (it unregisters and quits): the carrier's BYE has
   * no way to it and gets 430 Flow Failed, never a BYE sent to the Contact the phone wrote.
   */
  @Test
  void aByeAfterThePhonesConnectionEndedGets430FlowFailed() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-answers", 3000);
    String callId = "natgone-" + SipUdpClient.newId();
    Sipp.Running carrier =
        startCarrier(
            "carrier-call",
            callId,
            Map.of("TALK", "6000", "<recv response=\"200\"/>\n  <Reference", wanted430()));
    phone.await(30); // it quits with its call still up: how sipp counts that is no matter here
    assertPassed(carrier.await(60), "the carrier, its BYE answered 430");

    Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
  }

  private static String wanted430() {
    return "<recv response=\"430\">\n"
        + "    <action>\n"
        + "      <ereg regexp=\"SIP/2.0 430 Flow Failed\" search_in=\"msg\" check_it=\"true\""
        + " assign_to=\"failed\"/>\n"
        + "    </action>\n"
        + "  </recv>\n"
        + "  <Reference variables=\"failed\"/>\n"
        + "  <Reference";
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Starts a sipp phone of {@code e} over TCP whose Contact is {@link #NOWHERE}, taking its calls
   * with the out-of-call scenario {@code calls}, holding its connection {@code holdMillis}; returns
   * once its registration is live.
   */
  private Sipp.Running phoneBehindNat(Extension e, String calls, int holdMillis) throws Exception {
    Path answers = Files.createTempFile("sipp-" + calls, ".xml");
    String text =
        new String(
            SipFlowsIT.class.getResourceAsStream("/sipp/" + calls + ".xml").readAllBytes(),
            StandardCharsets.ISO_8859_1);
    Files.writeString(answers, text.replace("NOWHERE", NOWHERE), StandardCharsets.ISO_8859_1);
    Sipp.Running phone =
        Sipp.start(
            "tcp-phone",
            Map.of("NOWHERE", NOWHERE, "HOLD", Integer.toString(holdMillis)),
            List.of(
                "-t",
                "t1",
                "-p",
                Integer.toString(Sipp.freeUdpPort()),
                "-s",
                e.number(),
                "-au",
                e.number(),
                "-ap",
                e.secret(),
                "-key",
                "realm",
                e.realm(),
                "-auth_uri",
                e.realm(),
                "-oocsf",
                answers.toString(),
                // a phone that quits with a call up just goes: no BYE of sipp's own
                "-default_behaviors",
                "none",
                "-recv_timeout",
                "15000",
                "127.0.0.1:" + SipExtensions.sipPort()));
    phones.add(phone.process());
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    while (bindings(e) == 0) {
      if (!phone.process().isAlive()) {
        throw new AssertionError("the phone ended early:\n" + phone.await(1).output());
      }
      assertThat(Instant.now()).as("the phone's registration").isBefore(end);
      Thread.sleep(50); // the registrar writes its bindings behind, once a second
    }
    return phone;
  }

  private static long bindings(Extension e) {
    return ((Number)
            db.queryValue(
                "SELECT COUNT(*) FROM sip_binding WHERE account_id = ? AND extension_number = ?"
                    + " AND transport = 'TCP' AND contact LIKE ?",
                account,
                e.number(),
                "%" + NOWHERE + "%"))
        .longValue();
  }

  private static Sipp.Result carrier(String scenario, String callId, Map<String, String> replaced)
      throws Exception {
    return startCarrier(scenario, callId, replaced).await(60);
  }

  /** Starts the carrier's sipp from {@link #CARRIER}: a call to {@link #did}, Call-ID id-1. */
  private static Sipp.Running startCarrier(
      String scenario, String callId, Map<String, String> replaced) throws Exception {
    Map<String, String> keys = new HashMap<>(replaced);
    keys.put("CALLER", CALLER);
    keys.putIfAbsent("TALK", "500");
    return Sipp.start(
        scenario,
        keys,
        List.of(
            "-i",
            CARRIER,
            "-p",
            Integer.toString(Sipp.freeUdpPort()),
            "-s",
            did,
            "-cid_str",
            callId + "-%u",
            "-recv_timeout",
            "15000",
            "127.0.0.1:" + SipExtensions.sipPort()));
  }
}
