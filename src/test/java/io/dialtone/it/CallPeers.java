package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real SIP peers of the call tests: sipp callers that authenticate their INVITE (407), sipp UAS
 * standing in for phones and carriers on this fork's UAS ports ({@link #uasPort}, docs/
 * testing.md), registrations of phones, and the one CDR a call leaves.
 */
final class CallPeers {

  private static final List<Process> started = new ArrayList<>();

  private CallPeers() {}

  /**
   * The i-th UAS port of this fork: 100 above the fork's SIP port (fork 1: 5110-5119, fork 2:
   * 5120-5129, a single run on the default port: 5170-5179).
   */
  static int uasPort(int i) {
    return SipExtensions.sipPort() + 100 + i;
  }

  /**
   * Ends the sipp processes a failed test did not wait for, so they do not keep their port for the
   * next one (sipp's own timeout does not end a UAS that got no call).
   */
  static synchronized void endLeftovers() {
    started.forEach(Process::destroyForcibly);
    started.clear();
  }

  /** Starts a sipp UAS on {@code port} and returns once it listens there. */
  static Sipp.Running uas(String scenario, int port, Map<String, String> replaced)
      throws Exception {
    return uas(scenario, port, replaced, 1);
  }

  /** Starts a sipp UAS on {@code port} for {@code calls} calls; returns once it listens. */
  static Sipp.Running uas(String scenario, int port, Map<String, String> replaced, int calls)
      throws Exception {
    if (bound(port)) {
      throw new AssertionError("UDP " + port + " is taken before sipp starts:\n" + sockets());
    }
    // a later -m wins over Sipp's own "-m 1"
    Sipp.Running running =
        Sipp.start(
            scenario,
            replaced,
            List.of("-p", Integer.toString(port), "-m", Integer.toString(calls)));
    synchronized (CallPeers.class) {
      started.add(running.process());
    }
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    while (!bound(port)) {
      if (!running.process().isAlive()) {
        throw new AssertionError(
            "sipp " + scenario + " on " + port + " ended early:\n" + running.await(1).output());
      }
      assertThat(Instant.now()).as("sipp listening on %d", port).isBefore(end);
      Thread.sleep(20); // sipp's start: polled, the first sight of its socket ends the wait
    }
    return running;
  }

  /** The UDP sockets bound now, with their processes (a diagnosis). */
  private static String sockets() throws IOException, InterruptedException {
    Process ss = new ProcessBuilder("ss", "-ulnp").redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ss.waitFor();
    return out;
  }

  /**
   * Whether a socket is bound to UDP {@code port} of 127.0.0.1, read from the kernel's table
   * (probing by binding the port would race with sipp's own bind).
   */
  static boolean bound(int port) throws IOException {
    String local = String.format(":%04X ", port);
    return Files.readAllLines(Path.of("/proc/net/udp")).stream()
        .skip(1)
        .map(String::strip)
        .anyMatch(line -> line.split("\\s+")[1].concat(" ").endsWith(local));
  }

  /** Runs the caller's sipp: {@code from} calls {@code to}; Call-ID {@code callId}-1. */
  static Sipp.Result call(
      String scenario, Extension from, Extension to, String callId, Map<String, String> replaced)
      throws Exception {
    return startCall(scenario, from, to.number(), callId, replaced).await(60);
  }

  /** Runs the caller's sipp: {@code from} dials {@code dialled}; Call-ID {@code callId}-1. */
  static Sipp.Result call(
      String scenario, Extension from, String dialled, String callId, Map<String, String> replaced)
      throws Exception {
    return startCall(scenario, from, dialled, callId, replaced).await(60);
  }

  /**
   * Starts the caller's sipp as {@link #call} does and returns at once: {@code from} dials {@code
   * dialled} (the Request-URI's user, in the caller's domain).
   */
  static Sipp.Running startCall(
      String scenario, Extension from, String dialled, String callId, Map<String, String> replaced)
      throws Exception {
    List<String> args =
        new ArrayList<>(
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
                // the digest uri must name the INVITE's Request-URI
                "-auth_uri",
                dialled + "@" + from.realm(),
                "-cid_str",
                callId + "-%u",
                "-recv_timeout",
                "15000",
                "127.0.0.1:" + SipExtensions.sipPort()));
    Sipp.Running running = Sipp.start(scenario, replaced, args);
    synchronized (CallPeers.class) {
      started.add(running.process());
    }
    return running;
  }

  static void assertPassed(Sipp.Result result, String who) {
    assertThat(result.passed()).as(who + ":\n" + result.output()).isTrue();
  }

  /** Registers {@code contact port} of 127.0.0.1 as a contact of {@code e} for 5 minutes. */
  static void register(Extension e, int port) throws Exception {
    register(e, port, SipExtensions.sipPort());
  }

  /** As {@link #register(Extension, int)}, with the registrar on {@code sipPort}. */
  static void register(Extension e, int port, int sipPort) throws Exception {
    assertThat(SipUdpClient.status(registration(e, port, 300, sipPort))).isEqualTo(200);
  }

  static void unregister(Extension e, int port) throws Exception {
    assertThat(SipUdpClient.status(registration(e, port, 0, SipExtensions.sipPort())))
        .isEqualTo(200);
  }

  private static String registration(Extension e, int port, int expires, int sipPort)
      throws Exception {
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1", sipPort)) {
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
      return phone.exchange(
          phone.request("REGISTER", e.number(), e.realm(), callId, 2, "Phone/1.0", answered));
    }
  }

  /** The id of the one CDR of Call-ID {@code callId}, once written (see {@link #cdr}). */
  static long cdrId(TestUsers db, String callId) throws Exception {
    cdr(db, callId);
    return ((Number) db.queryValue("SELECT id FROM cdr WHERE call_id = ?", callId)).longValue();
  }

  /** The CDR of Call-ID {@code callId}, once written (the writer batches; 15 s at most). */
  static Map<String, Object> cdr(TestUsers db, String callId) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (true) {
      Object count = db.queryValue("SELECT COUNT(*) FROM cdr WHERE call_id = ?", callId);
      if (((Number) count).longValue() > 0) {
        assertThat(((Number) count).longValue()).as("CDRs of " + callId).isEqualTo(1L);
        break;
      }
      assertThat(Instant.now()).as("a CDR for " + callId).isBefore(end);
      Thread.sleep(100); // the CDR writer's batch: polled, the first sight ends the wait
    }
    Map<String, Object> row = new HashMap<>();
    for (String column :
        List.of(
            "disposition",
            "direction",
            "sip_status",
            "hangup_side",
            "caller",
            "callee",
            "answer_time",
            "billsec",
            "cost",
            "trunk",
            "trunk_attempts",
            "block_reason",
            "TIMESTAMPDIFF(MICROSECOND, answer_time, end_time)")) {
      Object value = db.queryValue("SELECT " + column + " FROM cdr WHERE call_id = ?", callId);
      row.put(
          column,
          value instanceof Number n && !(value instanceof java.math.BigDecimal)
              ? (Object) n.longValue()
              : value);
    }
    return row;
  }
}
