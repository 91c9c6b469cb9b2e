package io.dialtone.it;

import static io.dialtone.it.CallPeers.assertPassed;
import static io.dialtone.it.CallPeers.call;
import static io.dialtone.it.CallPeers.register;
import static io.dialtone.it.CallPeers.startCall;
import static io.dialtone.it.CallPeers.uas;
import static io.dialtone.it.CallPeers.uasPort;
import static io.dialtone.it.CallPeers.unregister;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls through Dialtone's proxy between real SIP peers (sipp): the caller is a sipp UAC that
 * authenticates its INVITE (407), the callees are sipp UAS registered as the callee's contacts (or
 * standing in for carriers). Each scenario checks the SIP answers (sipp's exit code: every message
 * of its scenario came as written) and the one CDR the call leaves. The UAS listen on ports of this
 * fork's range ({@link #uasPort}, docs/testing.md).
 */
@ExtendWith(RunningDialtone.class)
class SipCallsIT {

  private static DialtoneServer server;
  private static TestUsers db;
  private static Map<String, Extension> ext;
  private static long account;
  private static TestUsers.SeededUser admin;

  @BeforeAll
  static void provision(DialtoneServer started) {
    server = started;
    db = new TestUsers(server);
    account = db.newCustomerAccount();
    admin = db.user("CUSTOMER_ADMIN", account);
    ext = SipExtensions.create(server, admin, "601", "602", "603", "604");
    allowTwoPhones("602");
  }

  /** The customer administrator lets extension {@code number} register two phones. */
  private static void allowTwoPhones(String number) {
    long id =
        ((Number)
                db.queryValue(
                    "SELECT id FROM extension WHERE account_id = ? AND number = ?",
                    account,
                    number))
            .longValue();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("CUSTOMER_ADMIN", account)); // a fresh TOTP
      browser.open("/extensions/edit.xhtml?id=" + id);
      browser.type("edit:maxRegistrations_input", "2");
      browser.find("[id='edit:save']").click();
      browser.waitForText("The extension was saved.");
    }
    assertThat(
            ((Number) db.queryValue("SELECT max_registrations FROM extension WHERE id = ?", id))
                .intValue())
        .as("phones allowed to register")
        .isEqualTo(2);
  }

  @Test
  void aCallForksToBothPhonesTheFirstToAnswerWinsTheOtherIsCancelled() throws Exception {
    Extension caller = ext.get("601");
    Extension callee = ext.get("602");
    register(caller, uasPort(0)); // the caller's own contact: not reached in this call
    register(callee, uasPort(1));
    register(callee, uasPort(2));
    Sipp.Running answers = uas("uas-answer", uasPort(1), Map.of());
    Sipp.Running rings = uas("uas-ring", uasPort(2), Map.of());
    String callId = "fork-" + SipUdpClient.newId();
    Sipp.Result call = call("call-talk", caller, callee, callId, Map.of());
    assertThat(call.passed()).as("the caller:\n" + call.output()).isTrue();
    assertPassed(answers.await(30), "the phone that answered");
    assertPassed(rings.await(30), "the phone that was cancelled");

    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("direction")).as("INTERNAL").isEqualTo(3L);
    assertThat(cdr.get("sip_status")).isEqualTo(200L);
    assertThat(cdr.get("hangup_side")).isEqualTo("CALLER");
    assertThat(cdr.get("caller")).isEqualTo("601");
    assertThat(cdr.get("callee")).isEqualTo("602");
    assertThat(cdr.get("answer_time")).isNotNull();
    assertThat((Long) cdr.get("TIMESTAMPDIFF(MICROSECOND, answer_time, end_time)"))
        .as("talk time, answer to BYE (the caller talks half a second)")
        .isBetween(400_000L, 10_000_000L);
  }

  @Test
  void aCalleeWithNoPhoneRegisteredGets480AndAFailedCdr() throws Exception {
    Extension caller = ext.get("603");
    register(caller, uasPort(3));
    String callId = "absent-" + SipUdpClient.newId();
    Sipp.Result call = call("call-fails", caller, ext.get("604"), callId, Map.of("FINAL", "480"));
    assertThat(call.passed()).as("the caller got 480:\n" + call.output()).isTrue();
    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("sip_status")).isEqualTo(480L);
    assertThat(cdr.get("disposition")).as("NO_ANSWER").isEqualTo(2L);
    assertThat(cdr.get("answer_time")).isNull();
  }

  @Test
  void aBusyPhonesAnswerIsPassedBackWithAFailedCdr() throws Exception {
    Extension caller = ext.get("603");
    Extension callee = ext.get("604");
    register(caller, uasPort(3));
    register(callee, uasPort(4));
    Sipp.Running busy = uas("uas-reject", uasPort(4), Map.of("STATUS", "486"));
    String callId = "busy-" + SipUdpClient.newId();
    Sipp.Result call = call("call-fails", caller, callee, callId, Map.of("FINAL", "486"));
    assertThat(call.passed()).as("the caller got 486:\n" + call.output()).isTrue();
    assertPassed(busy.await(30), "the busy phone");
    unregister(callee, uasPort(4));
    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("sip_status")).isEqualTo(486L);
    assertThat(cdr.get("disposition")).as("BUSY").isEqualTo(3L);
  }

  @Test
  void theCallerHangsUpWhileItRingsTheCalleeIsCancelledAndTheCdrSaysNoAnswer() throws Exception {
    Extension caller = ext.get("604");
    Extension callee = ext.get("603");
    register(caller, uasPort(6));
    register(callee, uasPort(7));
    Sipp.Running rings = uas("uas-ring", uasPort(7), Map.of());
    String callId = "cancel-" + SipUdpClient.newId();
    Sipp.Result call = call("call-cancel", caller, callee, callId, Map.of());
    assertThat(call.passed())
        .as("the caller: 200 to its CANCEL, then 487:\n" + call.output())
        .isTrue();
    assertPassed(rings.await(30), "the ringing phone got the CANCEL");
    unregister(callee, uasPort(7));
    unregister(caller, uasPort(6));
    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("sip_status")).isEqualTo(487L);
    assertThat(cdr.get("disposition")).as("NO_ANSWER").isEqualTo(2L);
    assertThat(cdr.get("answer_time")).isNull();
  }

  @Test
  void aCallNobodyAnswersIsCancelledAfterTheRingingTimeAndTheCallerGets480() throws Exception {
    Extension caller = ext.get("601");
    Extension callee = ext.get("604");
    register(caller, uasPort(0));
    register(callee, uasPort(8));
    String callId = "unanswered-" + SipUdpClient.newId();
    try {
      Sipp.Running rings = uas("uas-ring", uasPort(8), Map.of());
      Instant start = Instant.now();
      Sipp.Result call = call("call-fails", caller, callee, callId, Map.of("FINAL", "480"));
      assertThat(call.passed()).as("the caller got 480:\n" + call.output()).isTrue();
      assertThat(Duration.between(start, Instant.now()))
          .as("not before the ringing time")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(RunningDialtone.CALL_RING_SECONDS));
      assertPassed(rings.await(30), "the ringing phone got the CANCEL");
    } finally {
      unregister(callee, uasPort(8));
    }
    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("sip_status")).isEqualTo(480L);
    assertThat(cdr.get("disposition")).as("NO_ANSWER").isEqualTo(2L);
    assertThat(cdr.get("answer_time")).isNull();
  }

  @Test
  void aCallPastTheMaximumDurationGetsByeOnBothLegs() throws Exception {
    Extension caller = ext.get("603");
    Extension callee = ext.get("601");
    register(caller, uasPort(3));
    register(callee, uasPort(5));
    Sipp.Running answers = uas("uas-answer", uasPort(5), Map.of());
    String callId = "max-" + SipUdpClient.newId();
    // the caller never hangs up: it waits for Dialtone's BYE (the test server's maximum: a few s)
    Sipp.Running held = startCall("call-held", caller, callee.number(), callId, Map.of());
    // Meanwhile a stranger who knows the Call-ID sends BYEs of its own, aimed elsewhere: none is
    // relayed, none ends the call.
    List<Integer> strangers = new ArrayList<>();
    try (SipUdpClient stranger = new SipUdpClient("127.0.0.1")) {
      for (int i = 1; held.process().isAlive() && i <= 40; i++) {
        strangers.add(
            SipUdpClient.status(
                stranger.exchange(forgedBye(stranger, callId + "-1", caller, uasPort(9), i))));
        Thread.sleep(100); // spread over the call's life: the BYEs are the test, not a wait
      }
    }
    Sipp.Result call = held.await(60);
    assertThat(call.passed()).as("the caller got a BYE:\n" + call.output()).isTrue();
    assertPassed(answers.await(30), "the callee got a BYE");
    // 481 all along: a request within a dialog names no call of its sender's, before the call
    // exists as after (never relayed, never a challenge that would let it through)
    assertThat(strangers).hasSizeGreaterThan(5).containsOnly(481);
    unregister(callee, uasPort(5));
    Map<String, Object> cdr = cdr(callId + "-1");
    assertThat(cdr.get("disposition")).as("ANSWERED").isEqualTo(1L);
    assertThat(cdr.get("hangup_side")).isEqualTo("MAX_DURATION");
    assertThat((Long) cdr.get("billsec"))
        .isBetween(
            (long) RunningDialtone.CALL_MAX_SECONDS - 1, RunningDialtone.CALL_MAX_SECONDS + 2L);
  }

  // ---------------------------------------------------------------------------------------------

  @org.junit.jupiter.api.AfterEach
  void endLeftovers() {
    CallPeers.endLeftovers();
  }

  /**
   * A BYE for Call-ID {@code callId} from someone who is neither side: its own tags, and a
   * Request-URI of its choosing ({@code port} of 127.0.0.1, where nothing listens).
   */
  private static String forgedBye(
      SipUdpClient stranger, String callId, Extension victim, int port, int cseq) {
    return "BYE sip:elsewhere@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + stranger.localPort()
        + ";rport;branch=z9hG4bK"
        + SipUdpClient.newId()
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:stranger@"
        + victim.realm()
        + ">;tag="
        + SipUdpClient.newId()
        + "\r\n"
        + "To: <sip:"
        + victim.number()
        + "@"
        + victim.realm()
        + ">;tag="
        + SipUdpClient.newId()
        + "\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " BYE\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static Map<String, Object> cdr(String callId) throws Exception {
    return CallPeers.cdr(db, callId);
  }
}
