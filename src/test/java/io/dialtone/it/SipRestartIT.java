package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The location service survives a restart: a phone registers, the binding is written behind to the
 * database, Dialtone stops and starts again, and the registrar still lists the phone's contact.
 * Runs its own server with its own SIP port (dialtone.test.sip-port + 2), so it never disturbs the
 * shared one.
 */
class SipRestartIT {

  @Test
  void aRegistrationSurvivesARestart() throws Exception {
    int base = SipExtensions.sipPort();
    int sipPort = base + 2;
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("DIALTONE_HOME", RunningDialtone.freshHome("sip-restart").toString()),
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
    try (DialtoneServer first = RunningDialtone.startServer(env)) {
      phone = SipExtensions.create(first, "501").get("501");
      try (SipUdpClient client = new SipUdpClient("127.0.0.1", sipPort)) {
        String ok = SipRegistrarIT.register(client, phone);
        contact = SipUdpClient.headers(ok, "Contact").get(0);
      }
      TestUsers db = new TestUsers(first);
      long deadline = System.currentTimeMillis() + 10_000;
      while (((Number) db.queryValue("SELECT COUNT(*) FROM sip_binding")).longValue() == 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      assertThat(((Number) db.queryValue("SELECT COUNT(*) FROM sip_binding")).longValue())
          .as("written behind")
          .isEqualTo(1L);
    }

    try (DialtoneServer second = RunningDialtone.startServer(env);
        SipUdpClient client = new SipUdpClient("127.0.0.1", sipPort)) {
      assertThat(
              second.consoleLines(
                  java.util.regex.Pattern.compile("1 registered extensions loaded")))
          .isNotEmpty();
      // A REGISTER without Contact asks for the current bindings (RFC 3261 §10.2.3).
      String query = queryBindings(client, phone);
      assertThat(SipUdpClient.status(query)).as(query).isEqualTo(200);
      assertThat(SipUdpClient.headers(query, "Contact"))
          .singleElement()
          .satisfies(c -> assertThat(c).startsWith(contact.substring(0, contact.indexOf('>') + 1)));
    }
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
