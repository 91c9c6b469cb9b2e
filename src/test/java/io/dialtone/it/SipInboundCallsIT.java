package io.dialtone.it;

import static io.dialtone.it.CallPeers.assertPassed;
import static io.dialtone.it.CallPeers.register;
import static io.dialtone.it.CallPeers.uas;
import static io.dialtone.it.CallPeers.uasPort;
import static io.dialtone.it.CallPeers.unregister;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Calls from a carrier to the customers' DIDs with real SIP peers: a sipp UAC as the carrier, from
 * the declared source address of a trunk this class owns for its duration ({@link #CARRIER}, made
 * and deleted on the trunks page; the same trunk carries the calls that go out, to a sipp UAS on
 * UAS port 5), sipp UAS as the extensions' phones. Each test checks the SIP answers and the one
 * inbound CDR the call leaves: forking to two phones, the service continuity (no phone registered,
 * phones that fail, nobody answering within the ring timeout; to another extension and out through
 * the trunk, rated; a blocked number refused), ring groups (all at once: both members ring, one
 * answers, the other is cancelled; in order: the second member answers after the first's ring time;
 * no member registered: the group's continuity; a member at its own concurrent-call cap is not
 * rung, and the member that answers counts the call and has its last call stamped), the 404 of a
 * number that is no DID, and a source that is no trunk learning nothing about the numbers. The
 * account is this class's own.
 */
@ExtendWith(RunningDialtone.class)
class SipInboundCallsIT {

  /** The carrier's address: the trunk's declared source (a loopback address of its own). */
  private static final String CARRIER = "127.0.42.7";

  /** The number the carrier's caller has. */
  private static final String CALLER = "+15145550199";

  /** A Montreal number, rated 1.00 CAD a started minute by this class's rate deck. */
  private static final String MONTREAL = "+15145550111";

  /** A London number: international, which the account blocks. */
  private static final String LONDON = "+442079460000";

  /** The same deck as the outbound call tests', so that neither depends on the other's order. */
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
  private static String trunk;
  private static final List<String> othersDisabled = new ArrayList<>();
  private static long account;
  private static SeededUser admin;
  private static Map<String, Extension> ext;

  /** Rings 811 (two phones). */
  private static String forked;

  /** Rings 812 (never registered); continuity to extension 813. */
  private static String toColleague;

  /** Rings 812; continuity out to {@link #MONTREAL}. */
  private static String toMobile;

  /** Rings 814 for 5 s at most; continuity to extension 813. */
  private static String briefRing;

  /** Rings 812; continuity to {@link #LONDON}, which the account blocks. */
  private static String toBlocked;

  /** Rings 815 (a phone registered over TCP). */
  private static String overTcp;

  /** Rings the ring group "Sales": 816 and 817 all at once, for 20 s. */
  private static String toGroupAtOnce;

  /** Rings the ring group "Desk": 816 for 5 s, then 817 for 5 s; continuity to 813. */
  private static String toGroupInOrder;

  /** Rings 818, whose own concurrent-call cap is 1 (819's too). */
  private static String toCappedMember;

  /** Rings the ring group "Support": 818 for 5 s, then 819 for 5 s; no continuity. */
  private static String toGroupWithCaps;

  @BeforeAll
  static void provision(DialtoneServer started) throws Exception {
    server = started;
    db = new TestUsers(server);
    platform = db.user("PLATFORM_ADMIN", 1L);
    trunk = "carrier-" + SipUdpClient.newId().substring(0, 6);
    account = db.newCustomerAccount();
    admin = db.user("CUSTOMER_ADMIN", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      ownTheTrunk(browser);
      SignIn.withBothFactors(browser, admin);
      ext =
          SipExtensions.create(
              browser, "811", "812", "813", "814", "815", "816", "817", "818", "819");
      allowTwoPhones(browser, "811");
      browser.submit("signOutForm:signOut");
    }
    db.execute(
        "UPDATE call_policy_extension SET class_of_service = 'INTERNATIONAL' WHERE account_id = ?",
        account);
    db.execute(
        "INSERT INTO call_policy_account (account_id, block_international, block_long_distance,"
            + " block_premium) VALUES (?, TRUE, FALSE, TRUE)",
        account);
    String prefix = "+1613556" + String.format("%03d", account % 1000);
    forked = did(prefix + "1", "811", null, null);
    toColleague = did(prefix + "2", "812", "813", null);
    toMobile = did(prefix + "3", "812", MONTREAL, null);
    briefRing = did(prefix + "4", "814", "813", 5);
    toBlocked = did(prefix + "5", "812", LONDON, null);
    overTcp = did(prefix + "6", "815", null, null);
    toGroupAtOnce = groupDid(prefix + "7", ringGroup("Sales", "SIMULTANEOUS", 20, null));
    toGroupInOrder = groupDid(prefix + "8", ringGroup("Desk", "IN_ORDER", 5, "813"));
    db.execute(
        "INSERT INTO usage_extension_limit (account_id, extension, concurrent_calls)"
            + " VALUES (?, '818', 1), (?, '819', 1)",
        account,
        account);
    toCappedMember = did(prefix + "9", "818", null, null);
    toGroupWithCaps =
        groupDid(prefix + "0", ringGroup("Support", "IN_ORDER", 5, null, List.of("818", "819")));
  }

  /**
   * A ring group of the account with members 816 then 817, stored as the ring groups page stores
   * it; its id.
   */
  private static long ringGroup(String name, String strategy, int ring, String continuity) {
    return ringGroup(name, strategy, ring, continuity, List.of("816", "817"));
  }

  /** A ring group of the account with {@code members} in order; its id. */
  private static long ringGroup(
      String name, String strategy, int ring, String continuity, List<String> members) {
    db.execute(
        "INSERT INTO ring_group (account_id, name, strategy, ring_seconds, continuity_destination,"
            + " created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
        account,
        name,
        strategy,
        ring,
        continuity);
    long id =
        ((Number)
                db.queryValue(
                    "SELECT id FROM ring_group WHERE account_id = ? AND name = ?", account, name))
            .longValue();
    for (int i = 0; i < members.size(); i++) {
      db.execute(
          "INSERT INTO ring_group_member (ring_group_id, position, extension_id) VALUES (?, ?,"
              + " (SELECT id FROM extension WHERE account_id = ? AND number = ?))",
          id,
          i,
          account,
          members.get(i));
    }
    return id;
  }

  /** A DID of the account ringing the ring group {@code group}. */
  private static String groupDid(String did, long group) {
    db.execute(
        "INSERT INTO did (number, account_id, ring_group_id, created_at)"
            + " VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
        did,
        account,
        group);
    return did;
  }

  /**
   * A DID of the account ringing extension {@code number}, with the continuity destination {@code
   * continuity} and the ring timeout {@code ring} (null: none), stored as the DID page stores them.
   */
  private static String did(String did, String number, String continuity, Integer ring) {
    db.execute(
        "INSERT INTO did (number, account_id, extension_id, continuity_destination,"
            + " ring_timeout_seconds, created_at) VALUES (?, ?, (SELECT id FROM extension WHERE"
            + " account_id = ? AND number = ?), ?, ?, UTC_TIMESTAMP(6))",
        did,
        account,
        account,
        number,
        continuity,
        ring);
    return did;
  }

  /** The customer administrator lets extension {@code number} register two phones. */
  private static void allowTwoPhones(Browser browser, String number) {
    long id =
        ((Number)
                db.queryValue(
                    "SELECT id FROM extension WHERE account_id = ? AND number = ?",
                    account,
                    number))
            .longValue();
    browser.open("/extensions/edit.xhtml?id=" + id);
    browser.type("edit:maxRegistrations_input", "2");
    browser.find("[id='edit:save']").click();
    browser.waitForText("The extension was saved.");
  }

  /**
   * The platform administrator disables any other enabled trunk, adds this class's (its source the
   * carrier's address, calls out to UAS port 5) and puts this class's rates in the deck.
   */
  private static void ownTheTrunk(Browser browser) throws IOException {
    SignIn.withBothFactors(browser, platform);
    browser.open("/trunks/index.xhtml");
    for (String other : enabledTrunks()) {
      browser.clickInRow("trunks:table", other, "disable");
      browser.waitForText(other + " is disabled");
      othersDisabled.add(other);
    }
    browser.open("/trunks/edit.xhtml");
    browser.type("edit:name", trunk);
    browser.type("edit:host", "127.0.0.1");
    browser.type("edit:port", Integer.toString(uasPort(5)));
    browser.type("edit:priority", "1");
    browser.type("edit:setupTimeout", "1");
    browser.type("edit:sources", CARRIER);
    browser.submit("edit:save");
    browser.waitForText(trunk + " was added");
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

  /** The trunk goes (deleted on the page) and the others come back as they were. */
  @AfterAll
  static void giveTheTrunksBack() {
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platform);
      browser.open("/trunks/index.xhtml");
      browser.clickInRow("trunks:table", trunk, "delete");
      browser.find("[id='trunks:confirmYes']").click();
      browser.waitForText(trunk + " was deleted");
      for (String other : othersDisabled) {
        browser.clickInRow("trunks:table", other, "enable");
        browser.waitForText(other + " is enabled");
      }
    }
  }

  @AfterEach
  void endLeftovers() {
    CallPeers.endLeftovers();
  }

  // ---------------------------------------------------------------------------------------------
  // From the carrier to the extension's phones

  @Test
  void aCarriersCallForksToBothPhonesTheFirstToAnswerWinsTheOtherIsCancelled() throws Exception {
    Extension callee = ext.get("811");
    register(callee, uasPort(0));
    register(callee, uasPort(1));
    try {
      // the phone sees the caller's number as the carrier sent it
      Sipp.Running answers =
          uas(
              "uas-carrier",
              uasPort(0),
              Map.of("EXPECT", "From: .sip:" + CALLER.replace("+", "\\+") + "@"));
      Sipp.Running rings = uas("uas-ring", uasPort(1), Map.of());
      String callId = "inbound-" + SipUdpClient.newId();
      assertPassed(carrier("carrier-call", forked, callId, Map.of()), "the carrier, connected");
      assertPassed(answers.await(30), "the phone that answered");
      assertPassed(rings.await(30), "the phone that was cancelled");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("direction")).as("INBOUND").isEqualTo(2L);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("caller")).isEqualTo(CALLER);
      assertThat(cdr.get("callee")).isEqualTo(forked);
      assertThat(cdr.get("did")).isEqualTo(forked);
      assertThat(cdr.get("extension")).isEqualTo("811");
      assertThat(cdr.get("answered_by")).isEqualTo("811");
      assertThat(cdr.get("original_target")).isEqualTo("811");
      assertThat(cdr.get("continuity_reason")).isNull();
      assertThat(cdr.get("final_destination")).isNull();
      assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
      assertThat((BigDecimal) cdr.get("cost")).as("an inbound call is free").isZero();
    } finally {
      unregister(callee, uasPort(0));
      unregister(callee, uasPort(1));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // From the carrier to a ring group

  @Test
  void aRingGroupAllAtOnceRingsBothMembersTheFirstToAnswerWinsTheOtherIsCancelled()
      throws Exception {
    Extension first = ext.get("816");
    Extension second = ext.get("817");
    register(first, uasPort(0));
    register(second, uasPort(1));
    try {
      Sipp.Running rings = uas("uas-ring", uasPort(0), Map.of());
      Sipp.Running answers = uas("uas-answer", uasPort(1), Map.of());
      String callId = "group-" + SipUdpClient.newId();
      assertPassed(carrier("carrier-call", toGroupAtOnce, callId, Map.of()), "the carrier");
      assertPassed(answers.await(30), "the member's phone that answered");
      assertPassed(rings.await(30), "the member's phone that rang, then got CANCEL");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("did")).isEqualTo(toGroupAtOnce);
      assertThat(cdr.get("ring_group")).isEqualTo("Sales");
      assertThat(cdr.get("original_target")).as("a group, not one extension").isNull();
      assertThat(cdr.get("answered_by")).isEqualTo("817");
      assertThat(cdr.get("extension")).as("the call of the member that answered").isEqualTo("817");
      assertThat(cdr.get("continuity_reason")).isNull();
    } finally {
      unregister(first, uasPort(0));
      unregister(second, uasPort(1));
    }
  }

  @Test
  void aRingGroupInOrderRingsTheSecondMemberWhenTheFirstDoesNotAnswerInItsRingTime()
      throws Exception {
    Extension first = ext.get("816");
    Extension second = ext.get("817");
    register(first, uasPort(3));
    register(second, uasPort(2));
    try {
      Sipp.Running rings = uas("uas-ring", uasPort(3), Map.of());
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "inorder-" + SipUdpClient.newId();
      long start = System.nanoTime();
      assertPassed(carrier("carrier-call", toGroupInOrder, callId, Map.of()), "the carrier");
      assertThat((System.nanoTime() - start) / 1_000_000_000L)
          .as("the first member rang for the group's ring time (5 s) first")
          .isGreaterThanOrEqualTo(5L);
      assertPassed(rings.await(30), "the first member's phone, rung then cancelled");
      assertPassed(answers.await(30), "the second member's phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("ring_group")).isEqualTo("Desk");
      assertThat(cdr.get("answered_by")).isEqualTo("817");
      assertThat(cdr.get("continuity_reason")).as("no continuity: a member answered").isNull();
      assertThat(cdr.get("final_destination")).isNull();
    } finally {
      unregister(first, uasPort(3));
      unregister(second, uasPort(2));
    }
  }

  @Test
  void aRingGroupWithNoMemberRegisteredGoesToTheGroupsContinuity() throws Exception {
    Extension colleague = ext.get("813");
    register(colleague, uasPort(2));
    try {
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "groupnobody-" + SipUdpClient.newId();
      assertPassed(carrier("carrier-call", toGroupInOrder, callId, Map.of()), "the carrier");
      assertPassed(answers.await(30), "the continuity extension's phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("ring_group")).isEqualTo("Desk");
      assertThat(cdr.get("continuity_reason")).isEqualTo("NOT_REGISTERED");
      assertThat(cdr.get("final_destination")).isEqualTo("813");
      assertThat(cdr.get("answered_by")).isEqualTo("813");
    } finally {
      unregister(colleague, uasPort(2));
    }
  }

  /**
   * 818 and 819 may each have one call at a time. 818 is on a call (to its own number) when the
   * carrier calls the group "Support" (818 then 819, in order, 5 s each): 818 is not rung, 819
   * answers at once; while that call lasts 819 is at its cap (a call it makes out is refused for
   * the usage limit), and its last call is stamped when it ends.
   */
  @Test
  void aRingGroupPassesAMemberAtItsOwnCapAndTheCallCountsForTheMemberThatAnswers()
      throws Exception {
    Extension busy = ext.get("818");
    Extension free = ext.get("819");
    assertThat(lastCall("819")).as("819 never called").isNull();
    register(busy, uasPort(0));
    register(free, uasPort(1));
    try {
      Sipp.Running busyPhone = uas("uas-answer", uasPort(0), Map.of());
      Sipp.Running freePhone = uas("uas-answer", uasPort(1), Map.of());
      String onCall = "oncap-" + SipUdpClient.newId();
      // every call here ends within the shared server's longest call (4 s from its answer)
      Sipp.Running first = startCarrier(toCappedMember, onCall, "3000");
      Thread.sleep(1500); // 818's phone answers within 0.6 s: then it is at its cap of 1

      String callId = "groupcap-" + SipUdpClient.newId();
      Sipp.Running group = startCarrier(toGroupWithCaps, callId, "3000");
      Thread.sleep(1500); // 819's phone answers within 0.6 s, and talks 3 s
      String outId = "overcap-" + SipUdpClient.newId();
      assertPassed(
          CallPeers.call(
              "call-refused",
              free,
              MONTREAL,
              outId,
              Map.of(
                  "FINAL",
                  "403",
                  "EXPECT",
                  "Warning: 399 dialtone .Blocked by rule: usage limit.")),
          "819, at its cap while it takes the group's call, calls out");
      assertThat(CallPeers.cdr(db, outId + "-1").get("block_reason")).isEqualTo("USAGE_LIMIT");

      assertPassed(group.await(30), "the carrier's call to the group");
      assertPassed(freePhone.await(30), "819's phone, which answered the group's call");
      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("ring_group")).isEqualTo("Support");
      assertThat(cdr.get("answered_by")).as("818 was passed: at its cap").isEqualTo("819");
      assertThat(cdr.get("extension")).isEqualTo("819");
      assertThat(cdr.get("continuity_reason")).isNull();
      assertThat(
              ((Number)
                      db.queryValue(
                          "SELECT TIMESTAMPDIFF(MICROSECOND, start_time, answer_time) FROM cdr"
                              + " WHERE call_id = ?",
                          callId + "-1"))
                  .longValue())
          .as("819 rang at once: 818 did not ring its 5 s first")
          .isLessThan(4_000_000L);
      Instant end = Instant.now().plusSeconds(15);
      while (lastCall("819") == null) {
        assertThat(Instant.now()).as("819's last call stamped").isBefore(end);
        Thread.sleep(200); // the stamps are written in passes after the call: polled
      }

      assertPassed(first.await(30), "the carrier's call to 818");
      assertPassed(busyPhone.await(30), "818's phone, on its one call throughout");
      assertThat(cdr(onCall).get("answered_by")).isEqualTo("818");
    } finally {
      unregister(busy, uasPort(0));
      unregister(free, uasPort(1));
    }
  }

  /** When extension {@code number} of the account last had a call, null: never. */
  private static Object lastCall(String number) {
    return db.queryValue(
        "SELECT last_call_at FROM extension WHERE account_id = ? AND number = ?", account, number);
  }

  /** Starts the carrier's call to {@code number} talking {@code talkMillis} once answered. */
  private static Sipp.Running startCarrier(String number, String callId, String talkMillis)
      throws Exception {
    Sipp.Running running =
        Sipp.start(
            "carrier-call",
            Map.of("CALLER", CALLER, "TALK", talkMillis),
            List.of(
                "-i",
                CARRIER,
                "-p",
                Integer.toString(Sipp.freeUdpPort()),
                "-s",
                number,
                "-cid_str",
                callId + "-%u",
                "-recv_timeout",
                "20000",
                "127.0.0.1:" + SipExtensions.sipPort()));
    return running;
  }

  @Test
  void aNumberThatIsNoDidGets404FromTheTrunkAndLeavesNoCdr() throws Exception {
    String callId = "nodid-" + SipUdpClient.newId();
    assertPassed(
        carrier(
            "carrier-refused",
            "+16135569999",
            callId,
            Map.of("FINAL", "404", "EXPECT", "SIP/2.0 404")),
        "the carrier got 404");
    assertThat(
            ((Number) db.queryValue("SELECT COUNT(*) FROM cdr WHERE call_id = ?", callId + "-1"))
                .longValue())
        .isZero();
  }

  /**
   * From an address that is no trunk's source, an INVITE to a DID takes the phones' way: a digest
   * challenge, byte for byte the one an unknown number gets, so nothing tells which numbers exist.
   */
  @Test
  void aSourceThatIsNoTrunkIsChallengedAlikeForAKnownAndAnUnknownNumber() throws Exception {
    try (SipUdpClient stranger = new SipUdpClient("127.0.42.8")) {
      String known = normalized(ask(stranger, forked), forked);
      String unknown = normalized(ask(stranger, "+16135569998"), "+16135569998");
      assertThat(known).startsWith("SIP/2.0 407 ");
      assertThat(unknown).isEqualTo(known);
    }
  }

  private static String ask(SipUdpClient client, String number) throws IOException {
    String callId = "stranger-" + SipUdpClient.newId();
    return client.exchange(
        client.request(
            "INVITE",
            number,
            "127.0.0.1",
            callId,
            1,
            "carrier-sbc-test",
            List.of(client.contact(number))));
  }

  private static String normalized(String response, String number) {
    return response
        .replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"")
        .replaceAll(";tag=[^;\\r\\n>]*", ";tag=T")
        .replaceAll("branch=[^;\\r\\n]*", "branch=B")
        .replaceAll("Call-ID: [^\\r\\n]*", "Call-ID: C")
        .replaceAll("Date: [^\\r\\n]*", "Date: D")
        .replace(number, "NUMBER");
  }

  /**
   * A phone registered over TCP, whose Contact names a port where nothing listens (as behind a
   * NAT), gets the call down the connection it registered over, and the dialog goes on there.
   */
  @Test
  void aPhoneRegisteredOverTcpIsReachedOverItsOwnConnection() throws Exception {
    Extension phone = ext.get("815");
    int nowhere = Sipp.freeUdpPort(); // nothing listens on it over TCP either
    try (SipTcpClient connection = new SipTcpClient("127.0.0.1")) {
      String contact = "<sip:815@127.0.0.1:" + nowhere + ";transport=tcp>";
      String challenge = connection.exchange(tcpRegister(connection, phone, contact, null));
      assertThat(challenge).startsWith("SIP/2.0 401 ");
      String registered =
          connection.exchange(
              tcpRegister(
                  connection,
                  phone,
                  contact,
                  SipUdpClient.authorization(
                      SipUdpClient.challenge(challenge, "SHA-256"),
                      "REGISTER",
                      phone.number(),
                      phone.secret(),
                      "sip:" + phone.realm(),
                      1)));
      assertThat(registered).startsWith("SIP/2.0 200 ");

      String callId = "overtcp-" + SipUdpClient.newId();
      Map<String, String> keys = new HashMap<>(Map.of("CALLER", CALLER, "TALK", "500"));
      Sipp.Running carrier =
          Sipp.start(
              "carrier-call",
              keys,
              List.of(
                  "-i",
                  CARRIER,
                  "-p",
                  Integer.toString(Sipp.freeUdpPort()),
                  "-s",
                  overTcp,
                  "-cid_str",
                  callId + "-%u",
                  "-recv_timeout",
                  "15000",
                  "127.0.0.1:" + SipExtensions.sipPort()));
      String invite = next(connection, "INVITE ");
      assertThat(invite).startsWith("INVITE sip:815@127.0.0.1:" + nowhere + ";transport=tcp ");
      connection.write(okWithSdp(invite, connection));
      next(connection, "ACK ");
      String bye = next(connection, "BYE ");
      connection.write(ok(bye));
      assertPassed(carrier.await(30), "the carrier, connected");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("answered_by")).isEqualTo("815");
    }
  }

  private static String tcpRegister(
      SipTcpClient connection, Extension e, String contact, String authorization) {
    int cseq = authorization == null ? 1 : 2;
    return "REGISTER sip:"
        + e.realm()
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 127.0.0.1:"
        + connection.localPort()
        + ";branch=z9hG4bK"
        + SipUdpClient.newId()
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:"
        + e.number()
        + "@"
        + e.realm()
        + ">;tag=tcp1\r\n"
        + "To: <sip:"
        + e.number()
        + "@"
        + e.realm()
        + ">\r\n"
        + "Call-ID: tcp-reg-"
        + connection.localPort()
        + "\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "Contact: "
        + contact
        + "\r\n"
        + "Expires: 300\r\n"
        + (authorization == null ? "" : authorization + "\r\n")
        + "Content-Length: 0\r\n\r\n";
  }

  /** The next request starting with {@code start} on the connection (10 s at most). */
  private static String next(SipTcpClient connection, String start) throws IOException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      java.util.Optional<String> message = connection.read(1000);
      if (message.isPresent() && message.get().startsWith(start)) {
        return message.get();
      }
    }
    throw new AssertionError("no " + start.strip() + " over the phone's connection");
  }

  /** The phone's 200 to {@code invite}, with its SDP and its Contact on this connection. */
  private static String okWithSdp(String invite, SipTcpClient connection) {
    String sdp =
        "v=0\r\no=user2 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 4002 RTP/AVP 0\r\n";
    return answerHead(invite, "200 OK", ";tag=tcpphone")
        + "Contact: <sip:815@127.0.0.1:"
        + connection.localPort()
        + ";transport=tcp>\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: "
        + sdp.length()
        + "\r\n\r\n"
        + sdp;
  }

  private static String ok(String request) {
    return answerHead(request, "200 OK", "") + "Content-Length: 0\r\n\r\n";
  }

  /** The status line and the headers an answer copies from {@code request}. */
  private static String answerHead(String request, String status, String toTag) {
    StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
    for (String line : request.split("\r\n")) {
      String name = line.indexOf(':') < 0 ? "" : line.substring(0, line.indexOf(':')).strip();
      switch (name.toLowerCase(java.util.Locale.ROOT)) {
        case "via", "v", "from", "f", "call-id", "i", "cseq", "record-route" ->
            out.append(line).append("\r\n");
        case "to", "t" ->
            out.append(line).append(line.contains(";tag=") ? "" : toTag).append("\r\n");
        default -> {
          // not copied
        }
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Service continuity

  @Test
  void withNoPhoneRegisteredTheCallGoesToTheColleagueAndTheCdrSaysWhy() throws Exception {
    Extension colleague = ext.get("813");
    register(colleague, uasPort(2));
    try {
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "absent-" + SipUdpClient.newId();
      assertPassed(carrier("carrier-call", toColleague, callId, Map.of()), "the carrier");
      assertPassed(answers.await(30), "the colleague's phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("direction")).as("INBOUND").isEqualTo(2L);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("original_target")).isEqualTo("812");
      assertThat(cdr.get("continuity_reason")).isEqualTo("NOT_REGISTERED");
      assertThat(cdr.get("final_destination")).isEqualTo("813");
      assertThat(cdr.get("answered_by")).isEqualTo("813");

      // the customer reads the call's way on its detail page, in English and in French
      long id = CallPeers.cdrId(db, callId + "-1");
      try (Browser browser = new Browser(server.baseUrl())) {
        SignIn.withBothFactors(browser, admin);
        browser.useLanguage("en");
        browser.open("/cdrs/call.xhtml?id=" + id);
        assertThat(browser.text("#direction")).isEqualTo("Inbound");
        assertThat(browser.text("#did")).isEqualTo(national(toColleague));
        assertThat(browser.text("#originalTarget")).isEqualTo("812");
        assertThat(browser.text("#answeredBy")).isEqualTo("813");
        assertThat(browser.text("#continuityReason")).isEqualTo("No phone registered");
        assertThat(browser.text("#finalDestination")).isEqualTo("813");
        browser.useLanguage("fr");
        browser.open("/cdrs/call.xhtml?id=" + id);
        assertThat(browser.text("#direction")).isEqualTo("Entrant");
        assertThat(browser.text("#continuityReason")).isEqualTo("Aucun téléphone enregistré");
        assertThat(browser.text("#answeredBy")).isEqualTo("813");
      }
    } finally {
      unregister(colleague, uasPort(2));
    }
  }

  @Test
  void withNoPhoneRegisteredTheCallGoesOutThroughTheTrunkRatedAsTheAccountsCall() throws Exception {
    // a forwarded call: the caller's own number, and the DID it was forwarded from in Diversion
    String identity = "P-Asserted-Identity: .sip:" + CALLER.replace("+", "\\+") + "@";
    String diversion =
        "Diversion: .sip:" + toMobile.replace("+", "\\+") + "@[^>]+>;reason=unavailable;counter=1";
    Sipp.Running mobile =
        uas(
            "uas-carrier",
            uasPort(5),
            Map.of(
                "EXPECT",
                "INVITE sip:"
                    + MONTREAL.replace("+", "\\+")
                    + "@127\\.0\\.0\\.1:[0-9]+ SIP/2\\.0.*("
                    + identity
                    + ".*"
                    + diversion
                    + "|"
                    + diversion
                    + ".*"
                    + identity
                    + ")"));
    String callId = "tomobile-" + SipUdpClient.newId();
    // more than a second of talk: a billable second, rated for its started minute
    assertPassed(carrier("carrier-call", toMobile, callId, Map.of("TALK", "1200")), "the carrier");
    assertPassed(mobile.await(30), "the mobile behind the trunk");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("direction")).as("INBOUND").isEqualTo(2L);
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("continuity_reason")).isEqualTo("NOT_REGISTERED");
    assertThat(cdr.get("final_destination")).isEqualTo(MONTREAL);
    assertThat(cdr.get("answered_by")).isNull();
    assertThat(cdr.get("trunk")).isEqualTo(trunk);
    assertThat((BigDecimal) cdr.get("cost"))
        .as("the leg out is rated as a call to Montreal: 1.00 CAD for its started minute")
        .isEqualByComparingTo("1.00");
  }

  @Test
  void whenNobodyAnswersWithinTheRingTimeoutTheCallGoesToTheColleague() throws Exception {
    Extension ringing = ext.get("814");
    Extension colleague = ext.get("813");
    register(ringing, uasPort(3));
    register(colleague, uasPort(2));
    try {
      Sipp.Running rings = uas("uas-ring", uasPort(3), Map.of());
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "noanswer-" + SipUdpClient.newId();
      long start = System.nanoTime();
      assertPassed(carrier("carrier-call", briefRing, callId, Map.of()), "the carrier");
      assertThat((System.nanoTime() - start) / 1_000_000_000L)
          .as("the DID's ring timeout (5 s) passed first")
          .isGreaterThanOrEqualTo(5L);
      assertPassed(rings.await(30), "the phone that rang, then was cancelled");
      assertPassed(answers.await(30), "the colleague's phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("original_target")).isEqualTo("814");
      assertThat(cdr.get("continuity_reason")).isEqualTo("NO_ANSWER");
      assertThat(cdr.get("final_destination")).isEqualTo("813");
      assertThat(cdr.get("answered_by")).isEqualTo("813");
    } finally {
      unregister(ringing, uasPort(3));
      unregister(colleague, uasPort(2));
    }
  }

  @Test
  void whenEveryPhoneAnswers503TheCallGoesToTheColleagueAtOnce() throws Exception {
    Extension failing = ext.get("814");
    Extension colleague = ext.get("813");
    register(failing, uasPort(3));
    register(colleague, uasPort(2));
    try {
      Sipp.Running fails = uas("uas-reject", uasPort(3), Map.of("STATUS", "503"));
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "unreachable-" + SipUdpClient.newId();
      long start = System.nanoTime();
      assertPassed(carrier("carrier-call", briefRing, callId, Map.of()), "the carrier");
      assertThat((System.nanoTime() - start) / 1_000_000L)
          .as("no wait for the ring timeout")
          .isLessThan(5_000L);
      assertPassed(fails.await(30), "the phone that failed");
      assertPassed(answers.await(30), "the colleague's phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("continuity_reason")).isEqualTo("UNREACHABLE");
      assertThat(cdr.get("final_destination")).isEqualTo("813");
      assertThat(cdr.get("answered_by")).isEqualTo("813");
    } finally {
      unregister(failing, uasPort(3));
      unregister(colleague, uasPort(2));
    }
  }

  @Test
  void aBusyPhoneIsPassedBackWithoutContinuity() throws Exception {
    Extension busy = ext.get("814");
    register(busy, uasPort(3));
    try {
      Sipp.Running refuses = uas("uas-reject", uasPort(3), Map.of("STATUS", "486"));
      String callId = "busy-" + SipUdpClient.newId();
      assertPassed(
          carrier("carrier-refused", briefRing, callId, Map.of("FINAL", "486", "EXPECT", "486")),
          "the carrier got the phone's 486");
      assertPassed(refuses.await(30), "the busy phone");

      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("disposition")).as("BUSY").isEqualTo(3L);
      assertThat(cdr.get("sip_status")).isEqualTo(486L);
      assertThat(cdr.get("continuity_reason")).isNull();
    } finally {
      unregister(busy, uasPort(3));
    }
  }

  /**
   * The customer sets an extension's continuity and ring time on its page (a ring time out of range
   * is refused in the user's language); an internal call to it with no phone registered then goes
   * to the colleague.
   */
  @Test
  void anInternalCallGetsTheExtensionsContinuitySetOnItsPage() throws Exception {
    long id =
        ((Number)
                db.queryValue(
                    "SELECT id FROM extension WHERE account_id = ? AND number = '812'", account))
            .longValue();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.useLanguage("fr");
      browser.open("/extensions/edit.xhtml?id=" + id);
      browser.type("edit:ringTimeout_input", "3");
      browser.submit("edit:save");
      assertThat(browser.pageText())
          .contains("Choisissez une durée de sonnerie entre 5 et 300 secondes");
      browser.useLanguage("en");
      browser.open("/extensions/edit.xhtml?id=" + id);
      browser.type("edit:ringTimeout_input", "301");
      browser.submit("edit:save");
      assertThat(browser.pageText()).contains("Choose a ring time between 5 and 300 seconds");
      browser.open("/extensions/edit.xhtml?id=" + id);
      browser.type("edit:ringTimeout_input", "7");
      browser.type("edit:destination_input", "813");
      browser.submit("edit:save");
      browser.waitForText("The extension was saved.");
    }
    assertThat(
            ((Number) db.queryValue("SELECT ring_timeout_seconds FROM extension WHERE id = ?", id))
                .intValue())
        .isEqualTo(7);

    Extension caller = ext.get("811");
    Extension colleague = ext.get("813");
    register(caller, uasPort(4));
    register(colleague, uasPort(2));
    try {
      Sipp.Running answers = uas("uas-answer", uasPort(2), Map.of());
      String callId = "internal-" + SipUdpClient.newId();
      assertPassed(
          CallPeers.call("call-talk", caller, "812", callId, Map.of()), "the caller, connected");
      assertPassed(answers.await(30), "the colleague's phone");
      Map<String, Object> cdr = cdr(callId);
      assertThat(cdr.get("direction")).as("INTERNAL").isEqualTo(3L);
      assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
      assertThat(cdr.get("original_target")).isEqualTo("812");
      assertThat(cdr.get("continuity_reason")).isEqualTo("NOT_REGISTERED");
      assertThat(cdr.get("final_destination")).isEqualTo("813");
      assertThat(cdr.get("answered_by")).isEqualTo("813");
    } finally {
      unregister(caller, uasPort(4));
      unregister(colleague, uasPort(2));
    }
  }

  @Test
  void aContinuityToANumberTheAccountBlocksIsRefusedAndTheCdrSaysWhy() throws Exception {
    String callId = "blocked-" + SipUdpClient.newId();
    assertPassed(
        carrier(
            "carrier-refused",
            toBlocked,
            callId,
            Map.of("FINAL", "403", "EXPECT", "Blocked by rule: international blocked")),
        "the carrier got 403");

    Map<String, Object> cdr = cdr(callId);
    assertThat(cdr.get("direction")).as("INBOUND").isEqualTo(2L);
    assertThat(cdr.get("disposition")).as("BLOCKED").isEqualTo(5L);
    assertThat(cdr.get("block_reason")).isEqualTo("INTERNATIONAL_BLOCKED");
    assertThat(cdr.get("continuity_reason")).isEqualTo("NOT_REGISTERED");
    assertThat(cdr.get("final_destination")).isEqualTo(LONDON);
    assertThat(cdr.get("trunk_attempts")).as("nothing went out").isNull();
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs the carrier's sipp from {@link #CARRIER}: a call to {@code number}, Call-ID id-1. */
  private static Sipp.Result carrier(
      String scenario, String number, String callId, Map<String, String> replaced)
      throws Exception {
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
                number,
                "-cid_str",
                callId + "-%u",
                "-recv_timeout",
                "15000",
                "127.0.0.1:" + SipExtensions.sipPort()))
        .await(60);
  }

  /** A North American +1NPANXXXXXX number as the pages show it: (NPA) NXX-XXXX. */
  private static String national(String e164) {
    return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
  }

  /** The one CDR of the carrier's call {@code callId}, with the way the call took. */
  private static Map<String, Object> cdr(String callId) throws Exception {
    Map<String, Object> row = new HashMap<>(CallPeers.cdr(db, callId + "-1"));
    for (String column :
        List.of(
            "extension",
            "did",
            "original_target",
            "answered_by",
            "continuity_reason",
            "final_destination",
            "ring_group")) {
      row.put(
          column, db.queryValue("SELECT " + column + " FROM cdr WHERE call_id = ?", callId + "-1"));
    }
    return row;
  }
}
