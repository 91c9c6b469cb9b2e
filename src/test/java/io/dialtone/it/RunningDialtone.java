package io.dialtone.it;

import io.dialtone.launcher.DialtoneServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Black-box tests get the one Dialtone of this test run as a parameter: started on first use from
 * an empty home (empty database), exactly as the README's run command starts it, and stopped when
 * the run ends. Failsafe hands a fork its classes one run at a time, so in the whole suite each
 * black-box class gets a server of its own; a run of several classes in one fork without the
 * suite's class streaming (an IDE's) shares one.
 */
public class RunningDialtone implements ParameterResolver {

  private static final String KEY = DialtoneServer.class.getName();

  /** Password reset requests allowed per client IP and hour on the shared server. */
  static final int FORGOT_LIMIT = 20;

  static final int ENROL_LIMIT = 20;

  /** Nonce life on the shared server (the stale-nonce test waits a little longer). */
  static final int SIP_NONCE_SECONDS = 5;

  /** The shortest registration the shared server accepts, seconds. */
  static final int SIP_MIN_EXPIRES = 5;

  /** The longest call on the shared server, seconds (SipCallsIT waits for it to end a call). */
  static final int CALL_MAX_SECONDS = 4;

  /**
   * How long a call rings unanswered on the shared server, seconds (SipCallsIT waits for it: below
   * its sipp callers' 15 s wait for an answer; the tests that show a ringing call do so well within
   * it).
   */
  static final int CALL_RING_SECONDS = 10;

  /**
   * The ceiling of calls in progress on the shared server (beyond it: 503 with Retry-After);
   * SipTrunkCallsIT holds this many calls and sees the next refused. No other test holds more than
   * two calls at once.
   */
  static final int CALL_CEILING = 3;

  /** How long the shared server lets a SIP connection that registered nothing stay silent. */
  static final int SIP_IDLE_SECONDS = 20;

  /** How long the shared server gives a SIP over TLS client to finish its handshake. */
  static final int SIP_HANDSHAKE_SECONDS = 3;

  /** The bearer token of the shared server's metrics scrape (random per test run). */
  static final String METRICS_TOKEN =
      java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DialtoneServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> new Started(start()), Started.class)
        .server();
  }

  private static DialtoneServer start() {
    TestSmtp smtp = TestSmtp.started(); // before the server, which mails to it
    int sipPort = Integer.getInteger("dialtone.test.sip-port", 5070);
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("DIALTONE_HOME", TestHomes.sharedServerHome("shared").toString()),
            Map.entry("DIALTONE_HTTP_PORT", System.getProperty("dialtone.test.http-port", "8080")),
            Map.entry(
                "DIALTONE_HTTPS_PORT", System.getProperty("dialtone.test.https-port", "8443")),
            Map.entry(
                "DIALTONE_EMBEDDED_DB_PORT", System.getProperty("dialtone.test.db-port", "3317")),
            Map.entry("DIALTONE_SMTP_HOST", "127.0.0.1"),
            Map.entry("DIALTONE_SMTP_PORT", Integer.toString(smtp.port())),
            Map.entry("DIALTONE_SMTP_STARTTLS", "false"),
            // Every browser test signs in from 127.0.0.1: a limit far above the suite's needs.
            Map.entry("DIALTONE_THROTTLE_SIGNIN_LIMIT", "100000"),
            Map.entry("DIALTONE_THROTTLE_FORGOT_LIMIT", Integer.toString(FORGOT_LIMIT)),
            Map.entry("DIALTONE_THROTTLE_ENROL_LIMIT", Integer.toString(ENROL_LIMIT)),
            // The SIP registrar of the shared server: UDP/TCP on dialtone.test.sip-port
            // (5070), TLS on the next port, loopback only; nonces live SIP_NONCE_SECONDS so the
            // stale-nonce test need not wait 300 s; sipp reads only the first challenge, so it
            // gets MD5 first (SipRegistrarIT tests SHA-256 with its own client).
            Map.entry("DIALTONE_SIP_ENABLED", "true"),
            Map.entry("DIALTONE_SIP_LISTEN_ADDRESS", "127.0.0.1"),
            Map.entry("DIALTONE_SIP_PORT", Integer.toString(sipPort)),
            Map.entry("DIALTONE_SIP_TLS_PORT", Integer.toString(sipPort + 1)),
            Map.entry("DIALTONE_SIP_NONCE_SECONDS", Integer.toString(SIP_NONCE_SECONDS)),
            Map.entry("DIALTONE_SIP_MD5_FIRST_AGENTS", "sipp"),
            // Registrations may last SIP_MIN_EXPIRES seconds, so OfflineAlertsIT sees a phone's
            // registration expire within seconds (too-brief.xml asks for less and gets 423).
            Map.entry("DIALTONE_SIP_MIN_EXPIRES", Integer.toString(SIP_MIN_EXPIRES)),
            // The longest call, whatever an account allows: SipCallsIT's held call ends after it.
            Map.entry("DIALTONE_CALL_MAX_DURATION_SECONDS", Integer.toString(CALL_MAX_SECONDS)),
            Map.entry("DIALTONE_CALL_MAX_IN_PROGRESS", Integer.toString(CALL_CEILING)),
            Map.entry("DIALTONE_CALL_RING_SECONDS", Integer.toString(CALL_RING_SECONDS)),
            // The tests' carriers are sipp UAS that live for the calls of one test and fail on any
            // other message: no health probe (an OPTIONS) may reach them, so it runs once a day.
            Map.entry("DIALTONE_TRUNK_PROBE_SECONDS", "86400"),
            // Connections that registered nothing end after SIP_IDLE_SECONDS, TLS handshakes after
            // SIP_HANDSHAKE_SECONDS, so SipConnectionsIT sees them end without minutes of waiting.
            Map.entry("DIALTONE_SIP_CONNECTIONS_IDLE_SECONDS", Integer.toString(SIP_IDLE_SECONDS)),
            Map.entry(
                "DIALTONE_SIP_CONNECTIONS_HANDSHAKE_SECONDS",
                Integer.toString(SIP_HANDSHAKE_SECONDS)),
            Map.entry("DIALTONE_METRICS_TOKEN", METRICS_TOKEN));
    return startServer(withRates(env));
  }

  /**
   * The call policy tests need rated destinations (no rate deck yet: without this every outside
   * call is blocked as unrated): North America, the UK and France.
   */
  private static Map<String, String> withRates(Map<String, String> env) {
    Map<String, String> rated = new java.util.HashMap<>(env);
    rated.put("DIALTONE_CALLPOLICY_RATED_PREFIXES", "+1,+44,+33");
    return rated;
  }

  /**
   * Starts a server. One started without SIP settings (RestartIT, FirstRunSetupIT) runs without the
   * SIP registrar, so it never competes with the shared server for the SIP ports.
   */
  static DialtoneServer startServer(Map<String, String> env) {
    Map<String, String> withSip = new java.util.HashMap<>(env);
    withSip.putIfAbsent("DIALTONE_SIP_ENABLED", "false");
    return DialtoneServer.start(
        withSip,
        Path.of(System.getProperty("dialtone.war")),
        Path.of(System.getProperty("payara.micro.jar")),
        Boolean.getBoolean("dialtone.test.echo"));
  }

  /** A new, empty folder under the fork's work folder. */
  static Path freshHome(String name) {
    return TestHomes.forTheClass(name);
  }

  /** A new Dialtone home for a server of one test class; its database goes when the class ends. */
  static Path serverHome(String name) {
    return TestHomes.serverHome(name);
  }

  private record Started(DialtoneServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
