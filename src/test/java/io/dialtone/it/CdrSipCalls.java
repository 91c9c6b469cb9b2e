package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls made by sipp through the shared test server for the CDR page tests: phones registered over
 * UDP with a digest, a sipp UAS as the called phone (on a port of the fork's UAS range,
 * docs/testing.md), a sipp UAC as the caller, and the wait for the call's one CDR.
 */
final class CdrSipCalls {

  private CdrSipCalls() {}

  /** The i-th UAS port of this fork (the range SipCallsIT uses; classes of a fork run in turn). */
  static int uasPort(int i) {
    return SipExtensions.sipPort() + 100 + i;
  }

  /** Registers (or with 0, unregisters) {@code contact port} of 127.0.0.1 for {@code e}. */
  static void register(Extension e, int port, int expires) throws Exception {
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String callId = "reg-" + SipUdpClient.newId();
      List<String> headers =
          List.of(
              "Contact: <sip:" + e.number() + "@127.0.0.1:" + port + ">", "Expires: " + expires);
      String challenge =
          phone.exchange(
              phone.request("REGISTER", e.number(), e.realm(), callId, 1, "Phone/1.0", headers));
      List<String> answered = new ArrayList<>(headers);
      answered.add(
          SipUdpClient.authorization(
              SipUdpClient.challenge(challenge, "SHA-256"),
              "REGISTER",
              e.number(),
              e.secret(),
              "sip:" + e.realm(),
              1));
      String ok =
          phone.exchange(
              phone.request("REGISTER", e.number(), e.realm(), callId, 2, "Phone/1.0", answered));
      assertThat(SipUdpClient.status(ok)).isEqualTo(200);
    }
  }

  /** Starts a sipp UAS on {@code port}; returns once it listens there (polled: its socket). */
  static Sipp.Running phone(String scenario, int port, Map<String, String> replaced)
      throws Exception {
    Sipp.Running running = Sipp.start(scenario, replaced, List.of("-p", Integer.toString(port)));
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    String local = String.format(":%04X ", port);
    while (Files.readAllLines(Path.of("/proc/net/udp")).stream()
        .skip(1)
        .noneMatch(line -> line.strip().split("\\s+")[1].concat(" ").endsWith(local))) {
      if (!running.process().isAlive()) {
        throw new AssertionError(
            "sipp " + scenario + " ended early:\n" + running.await(1).output());
      }
      assertThat(Instant.now()).as("sipp listening on %d", port).isBefore(end);
      Thread.sleep(20); // sipp's start: the first sight of its socket ends the wait
    }
    return running;
  }

  /** {@code from} dials {@code dialled} with sipp's {@code scenario}; Call-ID {@code callId}-1. */
  static Sipp.Result call(
      String scenario, Extension from, String dialled, String callId, Map<String, String> replaced)
      throws Exception {
    return Sipp.start(
            scenario,
            replaced,
            List.of(
                "-p",
                Integer.toString(Sipp.freeUdpPort()),
                "-s",
                dialled,
                "-key",
                "caller",
                from.number(),
                "-key",
                "realm",
                from.realm(),
                "-au",
                from.number(),
                "-ap",
                from.secret(),
                "-auth_uri",
                dialled + "@" + from.realm(),
                "-cid_str",
                callId + "-%u",
                "-recv_timeout",
                "15000",
                "127.0.0.1:" + SipExtensions.sipPort()))
        .await(60);
  }

  /** The id of the one CDR of Call-ID {@code callId}, once written (the writer batches). */
  static long cdrId(TestUsers db, String callId) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (true) {
      Object id = db.queryValue("SELECT MIN(id) FROM cdr WHERE call_id = ?", callId);
      if (id != null) {
        assertThat(db.queryValue("SELECT COUNT(*) FROM cdr WHERE call_id = ?", callId))
            .isEqualTo(1L);
        return ((Number) id).longValue();
      }
      assertThat(Instant.now()).as("a CDR for " + callId).isBefore(end);
      Thread.sleep(100); // the CDR writer's batch: polled, the first sight ends the wait
    }
  }
}
