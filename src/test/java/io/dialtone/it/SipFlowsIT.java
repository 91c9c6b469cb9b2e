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
 * duration) and an internal call reach it; its ACK, a re-INVITE, the caller's BYE, Dialtone's BYE
 * at the maximum duration and its own BYE take the same connection; a phone behind a NAT that calls
 * over TCP gets the callee's BYE down the connection it called over; a BYE after a phone's
 * connection ended gets 430 (Flow Failed, RFC 5626 §5.3). The account is this class's own.
 */
@ExtendWith(RunningDialtone.class)
class SipFlowsIT {

  /** The carrier's address: the trunk's declared source (a loopback address of its own). */
  private static final String CARRIER = "127.0.42.9";

  /** The number the carrier's caller has. */
  private static final String CALLER = "+15145550177";

  /** Where the phones say they are: an address of documentation, where nothing answers. */
  private static final String NOWHERE = "192.0.2.1:5999";

  /**
   * The caller's check of Dialtone's Record-Route, for a call that changes transport (UDP in, TCP
   * out): the entry towards the caller comes second.
   */
  private static final Map<String, String> TWO_ROUTES =
      Map.of(
          "regexp=\"Record-Route: &lt;sip:",
          "regexp=\"Record-Route: &lt;sip:127\\.0\\.0\\.1:[0-9]+;transport=tcp;lr&gt;,&lt;sip:");

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

  /** The carrier's re-INVITE (a new offer) and its ACK reach the phone down its connection. */
  @Test
  void aReInviteReachesAPhoneBehindANatOverItsConnection() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-reinvited", 8000);
    String callId = "natre-" + SipUdpClient.newId();
    assertPassed(
        carrier("carrier-reinvite", callId, Map.of()), "the carrier: new offer answered, BYE");
    assertPassed(phone.await(30), "the phone behind the NAT: INVITE, re-INVITE, ACKs and BYE");

    Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
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
          CallPeers.call("call-talk", caller, "822", callId, TWO_ROUTES),
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
   * At the maximum duration (4 s on the test server) Dialtone ends the call itself: its BYE reaches
   * the phone behind the NAT down its connection, and the carrier.
   */
  @Test
  void theByeOfTheMaximumDurationReachesAPhoneBehindANatOverItsConnection() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-answers", 12000);
    String callId = "natmax-" + SipUdpClient.newId();
    assertPassed(carrier("carrier-hung-up", callId, Map.of()), "the carrier, hung up by Dialtone");
    assertPassed(phone.await(30), "the phone behind the NAT: Dialtone's BYE answered 200");

    Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
    assertThat(cdr.get("hangup_side")).isEqualTo("MAX_DURATION");
  }

  /**
   * A phone behind a NAT calls over TCP; the callee (a UDP phone) hangs up: its BYE reaches the
   * caller down the connection the INVITE came on, as nothing answers at the caller's Contact.
   */
  @Test
  void aPhoneBehindANatThatCallsGetsTheCalleesByeOverItsConnection() throws Exception {
    Extension caller = ext.get("823");
    Extension callee = ext.get("822");
    CallPeers.register(caller, CallPeers.uasPort(0));
    CallPeers.register(callee, CallPeers.uasPort(1));
    try {
      // the callee's own scenario with its real address as its Contact
      Sipp.Running answers =
          CallPeers.uas(
              "tcp-phone-hangs-up",
              CallPeers.uasPort(1),
              Map.of("NOWHERE", "127.0.0.1:" + CallPeers.uasPort(1)));
      String callId = "natout-" + SipUdpClient.newId();
      Sipp.Running calls =
          Sipp.start(
              "tcp-call-hung-up",
              Map.of("NOWHERE", NOWHERE),
              List.of(
                  "-t",
                  "t1",
                  "-p",
                  Integer.toString(Sipp.freeUdpPort()),
                  "-s",
                  callee.number(),
                  "-key",
                  "caller",
                  caller.number(),
                  "-key",
                  "realm",
                  caller.realm(),
                  "-au",
                  caller.number(),
                  "-ap",
                  caller.secret(),
                  "-auth_uri",
                  callee.number() + "@" + caller.realm(),
                  "-cid_str",
                  callId + "-%u",
                  "-recv_timeout",
                  "15000",
                  "127.0.0.1:" + SipExtensions.sipPort()));
      phones.add(calls.process());
      assertPassed(calls.await(60), "the caller behind the NAT: the callee's BYE answered");
      assertPassed(answers.await(30), "the callee, its BYE answered 200");

      Map<String, Object> cdr = CallPeers.cdr(db, callId + "-1");
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("hangup_side")).isEqualTo("CALLEE");
    } finally {
      CallPeers.unregister(caller, CallPeers.uasPort(0));
      CallPeers.unregister(callee, CallPeers.uasPort(1));
    }
  }

  /**
   * The phone answers, then its connection ends (the phone is killed: no BYE, no unregistration, as
   * when a NAT forgets the connection): the carrier's BYE has no way to it and gets 430 Flow
   * Failed, never a BYE sent to the Contact the phone wrote.
   */
  @Test
  void aByeAfterThePhonesConnectionEndedGets430FlowFailed() throws Exception {
    Sipp.Running phone = phoneBehindNat(ext.get("821"), "tcp-phone-answers", 30000);
    String callId = "natgone-" + SipUdpClient.newId();
    Sipp.Running carrier =
        startCarrier(
            "carrier-call",
            callId,
            Map.of("TALK", "2500", "<recv response=\"200\"/>\n  <Reference", wanted430()));
    // the phone answers within half a second; the carrier talks 2.5 s, less than the test
    // server's longest call
    Thread.sleep(1200);
    phone.process().destroyForcibly().waitFor();
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
    Object since = db.queryValue("SELECT UTC_TIMESTAMP(6)");
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
    while (bindings(e, since) == 0) {
      if (!phone.process().isAlive()) {
        throw new AssertionError("the phone ended early:\n" + phone.await(1).output());
      }
      assertThat(Instant.now()).as("the phone's registration").isBefore(end);
      Thread.sleep(50); // the registrar writes its bindings behind, once a second
    }
    return phone;
  }

  /** The bindings of {@code e} to {@link #NOWHERE} over TCP refreshed since {@code since}. */
  private static long bindings(Extension e, Object since) {
    return ((Number)
            db.queryValue(
                "SELECT COUNT(*) FROM sip_binding WHERE account_id = ? AND extension_number = ?"
                    + " AND transport = 'TCP' AND contact LIKE ? AND refreshed_at >= ?",
                account,
                e.number(),
                "%" + NOWHERE + "%",
                since))
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
