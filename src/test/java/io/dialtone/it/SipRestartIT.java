package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What a restart of Dialtone keeps, on a server of its own (SIP on dialtone.test.sip-port + 2, so
 * it never disturbs the shared one), stopped as the launcher stops it (SIGTERM):
 *
 * <ul>
 *   <li>the location service: the bindings, written behind to the database, are read back;
 *   <li>the CDRs of the calls that ended just before the stop (the last BYE's 200 came a moment
 *       before the SIGTERM): every one is stored;
 *   <li>a call in progress at the stop is lost (no CDR, as docs/sip.md says) but leaves no phone
 *       with a dialog it cannot end: after the restart, a BYE of either side is answered 481, which
 *       ends the dialog (RFC 3261 §12.2.1.2, §15.1.1).
 * </ul>
 *
 * <p>Then the same calls ended just before a crash ({@code kill -9}): what the CDR group commit
 * (which commits in groups, on another thread) had stored by then is reported in the test's output.
 */
class SipRestartIT {

  /** Calls that end together just before the stop. */
  private static final int ENDED = 5;

  @Test
  void aRestartKeepsTheRegistrationsAndTheCdrsOfEndedCallsAndLeavesNoDialogHanging()
      throws Exception {
    int base = SipExtensions.sipPort();
    int sipPort = base + 2;
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("DIALTONE_HOME", RunningDialtone.serverHome("sip-restart").toString()),
            Map.entry(
                "DIALTONE_HTTP_PORT",
                Integer.toString(Integer.getInteger("dialtone.test.http-port", 17078) + 2)),
            Map.entry(
                "DIALTONE_HTTPS_PORT",
                Integer.toString(Integer.getInteger("dialtone.test.https-port", 17441) + 2)),
            Map.entry(
                "DIALTONE_EMBEDDED_DB_PORT",
                Integer.toString(Integer.getInteger("dialtone.test.db-port", 3317) + 3)),
            Map.entry("DIALTONE_SIP_ENABLED", "true"),
            Map.entry("DIALTONE_SIP_LISTEN_ADDRESS", "127.0.0.1"),
            Map.entry("DIALTONE_SIP_PORT", Integer.toString(sipPort)),
            Map.entry("DIALTONE_SIP_TLS_PORT", "0"));

    Extension phone;
    String contact;
    Map<String, Extension> ext;
    List<String> ended;
    DialogPhone heldCaller;
    DialogPhone heldCallee;
    try (SipUdpClient callerSocket = new SipUdpClient("127.0.0.1", sipPort);
        SipUdpClient calleeSocket = new SipUdpClient("127.0.0.1", sipPort)) {
      try (DialtoneServer first = RunningDialtone.startServer(env)) {
        ext = SipExtensions.create(first, "501", "511", "512", "513");
        phone = ext.get("501");
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sipPort)) {
          String ok = SipRegistrarIT.register(client, phone);
          contact = SipUdpClient.headers(ok, "Contact").get(0);
        }
        // 511 calls; 512 answers the call held over the restart, 513 (sipp) the others
        SipRegistrarIT.register(callerSocket, ext.get("511"));
        SipRegistrarIT.register(calleeSocket, ext.get("512"));
        CallPeers.register(ext.get("513"), CallPeers.uasPort(0), sipPort);
        TestUsers db = new TestUsers(first);
        long deadline = System.currentTimeMillis() + 10_000;
        while (((Number) db.queryValue("SELECT COUNT(*) FROM sip_binding")).longValue() < 4
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(200);
        }
        assertThat(((Number) db.queryValue("SELECT COUNT(*) FROM sip_binding")).longValue())
            .as("written behind")
            .isEqualTo(4L);

        CompletableFuture<DialogPhone> held =
            calling(callerSocket, ext.get("511"), "held-" + SipUdpClient.newId());
        heldCallee = DialogPhone.answer(calleeSocket);
        heldCaller = held.get(10, TimeUnit.SECONDS);

        ended = endTogether(ext.get("511"), sipPort, "ended-");
      } // SIGTERM at once after the last BYE's 200

      try (DialtoneServer second = RunningDialtone.startServer(env);
          SipUdpClient client = new SipUdpClient("127.0.0.1", sipPort)) {
        assertThat(
                second.consoleLines(
                    java.util.regex.Pattern.compile("4 registered extensions loaded")))
            .isNotEmpty();
        // A REGISTER without Contact asks for the current bindings (RFC 3261 §10.2.3).
        String query = queryBindings(client, phone);
        assertThat(SipUdpClient.status(query)).as(query).isEqualTo(200);
        assertThat(SipUdpClient.headers(query, "Contact"))
            .singleElement()
            .satisfies(
                c -> assertThat(c).startsWith(contact.substring(0, contact.indexOf('>') + 1)));

        TestUsers db = new TestUsers(second);
        for (String callId : ended) {
          assertThat(CallPeers.cdr(db, callId).get("disposition"))
              .as("the answered CDR of %s, which ended just before the stop", callId)
              .isEqualTo(1L);
        }

        // asserted softly: the crash below is measured whatever these say
        SoftAssertions lost = new SoftAssertions();
        heldCaller.sendBye();
        lost.assertThat(heldCaller.byeAnswer())
            .as("the caller's BYE of the call lost in the restart: 481 ends its dialog")
            .isEqualTo(481);
        heldCallee.sendBye();
        lost.assertThat(heldCallee.byeAnswer())
            .as("the callee's BYE of the call lost in the restart: 481 ends its dialog")
            .isEqualTo(481);
        lost.assertThat(
                db.queryValue("SELECT COUNT(*) FROM cdr WHERE call_id = ?", heldCaller.callId()))
            .as("a call in progress at the stop leaves no CDR")
            .isEqualTo(0L);

        List<String> crashed = endTogether(ext.get("511"), sipPort, "crashed-");
        ProcessHandle payara = ProcessHandle.of(second.pid()).orElseThrow();
        payara.destroyForcibly(); // kill -9 at once after the last BYE's 200
        payara.onExit().get(30, TimeUnit.SECONDS);
        long kept = 0;
        for (String callId : crashed) {
          long rows =
              ((Number) db.queryValue("SELECT COUNT(*) FROM cdr WHERE call_id = ?", callId))
                  .longValue();
          assertThat(rows).as("CDRs of " + callId).isLessThanOrEqualTo(1L);
          kept += rows;
        }
        System.out.printf(
            "SipRestartIT: kill -9 right after the last of %d BYEs' 200: %d of their CDRs stored%n",
            crashed.size(), kept);
        lost.assertAll();
      }
    }
  }

  /** {@code caller} calls 512 on another thread (its callee answers on the test's). */
  private static CompletableFuture<DialogPhone> calling(
      SipUdpClient socket, Extension caller, String callId) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return DialogPhone.call(socket, caller, "512", callId);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * {@value #ENDED} calls of {@code caller} to 513 (a sipp UAS), answered, then ended together: the
   * BYEs all sent, then their 200s awaited. Returns their Call-IDs once the last 200 came.
   */
  private static List<String> endTogether(Extension caller, int sipPort, String prefix)
      throws Exception {
    Sipp.Running callee = CallPeers.uas("uas-answer", CallPeers.uasPort(0), Map.of(), ENDED);
    List<SipUdpClient> sockets = new ArrayList<>();
    List<DialogPhone> calls = new ArrayList<>();
    try {
      for (int i = 0; i < ENDED; i++) {
        SipUdpClient socket = new SipUdpClient("127.0.0.1", sipPort);
        sockets.add(socket);
        calls.add(DialogPhone.call(socket, caller, "513", prefix + SipUdpClient.newId()));
      }
      for (DialogPhone call : calls) {
        call.sendBye();
      }
      for (DialogPhone call : calls) {
        assertThat(call.byeAnswer()).as("the 200 of the BYE of " + call.callId()).isEqualTo(200);
      }
    } finally {
      sockets.forEach(SipUdpClient::close);
    }
    CallPeers.assertPassed(callee.await(10), "the called phone (sipp)");
    return calls.stream().map(DialogPhone::callId).toList();
  }

  private static String queryBindings(SipUdpClient client, Extension e) throws Exception {
    String callId = SipUdpClient.newId();
    String challenge =
        client.exchange(
            client.request("REGISTER", e.number(), e.realm(), callId, 1, "Phone/1.0", List.of()));
    String authorization =
        SipUdpClient.authorization(
            SipUdpClient.challenge(challenge, "SHA-256"),
            "REGISTER",
            e.number(),
            e.secret(),
            "sip:" + e.realm(),
            1);
    return client.exchange(
        client.request(
            "REGISTER", e.number(), e.realm(), callId, 2, "Phone/1.0", List.of(authorization)));
  }
}
