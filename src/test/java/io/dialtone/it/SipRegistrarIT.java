package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registrar's call flows (RFC 3261 §10.3), black box against the shared server: sipp scenarios
 * (MD5, as sipp knows no other digest) and a hand-written UDP client for what sipp cannot do
 * (SHA-256, replaying an Authorization). Extensions come from the Extensions page.
 */
@ExtendWith(RunningDialtone.class)
class SipRegistrarIT {

  private static Map<String, Extension> ext;
  private static DialtoneServer server;
  private static TestUsers.SeededUser admin;

  @BeforeAll
  static void provision(DialtoneServer started) {
    server = started;
    TestUsers db = new TestUsers(server);
    admin = db.user("CUSTOMER_ADMIN", db.newCustomerAccount());
    ext =
        SipExtensions.create(
            server, admin, "201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
            "211", "212", "213");
  }

  private static void assertSipp(String scenario, String user, String secret, String realm)
      throws Exception {
    Sipp.Result result = Sipp.run(scenario, user, secret, realm);
    assertThat(result.passed()).as(scenario + ":\n" + result.output()).isTrue();
  }

  @Test
  void registersWithMd5() throws Exception {
    Extension e = ext.get("201");
    assertSipp("register", e.number(), e.secret(), e.realm());
  }

  @Test
  void refreshesABinding() throws Exception {
    Extension e = ext.get("202");
    assertSipp("refresh", e.number(), e.secret(), e.realm());
  }

  @Test
  void unregistersAContact() throws Exception {
    Extension e = ext.get("203");
    assertSipp("unregister", e.number(), e.secret(), e.realm());
  }

  @Test
  void unregistersEverythingWithTheWildcard() throws Exception {
    Extension e = ext.get("204");
    assertSipp("wildcard", e.number(), e.secret(), e.realm());
  }

  @Test
  void refusesATooBriefExpiryWith423() throws Exception {
    Extension e = ext.get("205");
    assertSipp("too-brief", e.number(), e.secret(), e.realm());
  }

  @Test
  void refusesMoreContactsThanTheExtensionAllows() throws Exception {
    Extension e = ext.get("206");
    assertSipp("too-many", e.number(), e.secret(), e.realm());
  }

  @Test
  void challengesAWrongPasswordAnUnknownUserAndAnUnknownDomainAlike() throws Exception {
    Extension e = ext.get("207");
    assertSipp("refused", e.number(), "wrong-" + e.secret(), e.realm());
    assertSipp("refused", "299", e.secret(), e.realm());
    assertSipp("refused", e.number(), e.secret(), "c-999999.sip.dialtone.invalid");
  }

  @Test
  void answersAStaleNonceWithStaleTrue() throws Exception {
    Extension e = ext.get("208");
    assertSipp("stale", e.number(), e.secret(), e.realm());
  }

  /**
   * Measures the deployed nonce life against the client's clock instead of pausing past it: one
   * nonce answered again and again (rising nonce-count) registers until it turns stale. The server
   * issued it after the challenge was asked for and judged each answer before its reply arrived, so
   * however slow the machine, a nonce living its configured life (whole seconds) is valid for an
   * answer sent less than life + 1 s after the challenge arrived and stale only for one replied to
   * more than life after the challenge was asked for.
   */
  @Test
  void aNonceIsValidForItsLifeThenStaleAndTheNextChallengeRegisters() throws Exception {
    Extension e = ext.get("213");
    long life = Duration.ofSeconds(RunningDialtone.SIP_NONCE_SECONDS).toNanos();
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String callId = SipUdpClient.newId();
      List<String> headers = List.of(phone.contact(e.number()), "Expires: 600");
      long asked = System.nanoTime();
      String first =
          phone.exchange(
              phone.request("REGISTER", e.number(), e.realm(), callId, 1, "Phone/1.0", headers));
      long challenged = System.nanoTime();
      String challenge = SipUdpClient.challenge(first, "SHA-256");
      long lastValidSent = -1;
      String stale = null;
      long staleArrived = 0;
      for (int nc = 1; stale == null && nc < 100; nc++) {
        List<String> answered = new java.util.ArrayList<>(headers);
        answered.add(
            SipUdpClient.authorization(
                challenge, "REGISTER", e.number(), e.secret(), "sip:" + e.realm(), nc));
        long sent = System.nanoTime();
        String answer =
            phone.exchange(
                phone.request(
                    "REGISTER", e.number(), e.realm(), callId, nc + 1, "Phone/1.0", answered));
        if (SipUdpClient.status(answer) == 200) {
          lastValidSent = sent;
          Thread.sleep(200); // pacing: about 30 answers over the nonce's life
        } else {
          assertThat(SipUdpClient.status(answer)).as(answer).isEqualTo(401);
          assertThat(answer).contains("stale=true");
          stale = answer;
          staleArrived = System.nanoTime();
        }
      }
      assertThat(stale).as("the nonce turned stale").isNotNull();
      assertThat(lastValidSent).as("the nonce was valid at first").isPositive();
      assertThat(Duration.ofNanos(lastValidSent - challenged))
          .as("last valid answer sent after the challenge arrived")
          .isLessThan(Duration.ofNanos(life).plusSeconds(1));
      assertThat(Duration.ofNanos(staleArrived - asked))
          .as("stale reply arrived after the challenge was asked for")
          .isGreaterThan(Duration.ofNanos(life));

      String fresh = SipUdpClient.challenge(stale, "SHA-256");
      List<String> answered = new java.util.ArrayList<>(headers);
      answered.add(
          SipUdpClient.authorization(
              fresh, "REGISTER", e.number(), e.secret(), "sip:" + e.realm(), 1));
      String ok =
          phone.exchange(
              phone.request("REGISTER", e.number(), e.realm(), callId, 200, "Phone/1.0", answered));
      assertThat(SipUdpClient.status(ok)).as(ok).isEqualTo(200);
    }
  }

  @Test
  void registersWithSha256AndRefusesAReplayedAuthorization() throws Exception {
    Extension e = ext.get("209");
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String callId = SipUdpClient.newId();
      String first =
          phone.exchange(
              phone.request(
                  "REGISTER",
                  e.number(),
                  e.realm(),
                  callId,
                  1,
                  "Phone/1.0",
                  List.of(phone.contact(e.number()), "Expires: 600")));
      assertThat(SipUdpClient.status(first)).isEqualTo(401);
      List<String> challenges = SipUdpClient.headers(first, "WWW-Authenticate");
      assertThat(challenges).hasSize(2);
      assertThat(challenges.get(0)).contains("algorithm=SHA-256").contains("qop=\"auth\"");
      assertThat(challenges.get(1)).contains("algorithm=MD5").contains("qop=\"auth\"");
      assertThat(SipUdpClient.param(challenges.get(0), "realm")).isEqualTo(e.realm());

      String authorization =
          SipUdpClient.authorization(
              challenges.get(0), "REGISTER", e.number(), e.secret(), "sip:" + e.realm(), 1);
      String ok =
          phone.exchange(
              phone.request(
                  "REGISTER",
                  e.number(),
                  e.realm(),
                  callId,
                  2,
                  "Phone/1.0",
                  List.of(phone.contact(e.number()), "Expires: 600", authorization)));
      assertThat(SipUdpClient.status(ok)).as(ok).isEqualTo(200);
      assertThat(SipUdpClient.headers(ok, "Contact"))
          .singleElement()
          .satisfies(
              c -> assertThat(c).contains(phone.localIp()).containsPattern("expires=(600|599)"));

      // The same Authorization again, in a new transaction: a replay.
      String replay =
          phone.exchange(
              phone.request(
                  "REGISTER",
                  e.number(),
                  e.realm(),
                  callId,
                  3,
                  "Phone/1.0",
                  List.of(phone.contact(e.number()), "Expires: 600", authorization)));
      assertThat(SipUdpClient.status(replay)).isEqualTo(401);
      assertThat(replay).doesNotContain("stale=true");

      // A higher nonce-count on the same nonce is accepted.
      String next =
          SipUdpClient.authorization(
              challenges.get(0), "REGISTER", e.number(), e.secret(), "sip:" + e.realm(), 2);
      String again =
          phone.exchange(
              phone.request(
                  "REGISTER",
                  e.number(),
                  e.realm(),
                  callId,
                  4,
                  "Phone/1.0",
                  List.of(phone.contact(e.number()), "Expires: 600", next)));
      assertThat(SipUdpClient.status(again)).as(again).isEqualTo(200);
    }
  }

  @Test
  void aNewContactReplacesTheOldestWhenTheExtensionIsFull() throws Exception {
    Extension e = ext.get("210");
    try (SipUdpClient deskPhone = new SipUdpClient("127.0.0.1");
        SipUdpClient softPhone = new SipUdpClient("127.0.0.1")) {
      register(deskPhone, e);
      String ok = register(softPhone, e);
      assertThat(SipUdpClient.headers(ok, "Contact"))
          .singleElement()
          .satisfies(c -> assertThat(c).contains(":" + softPhone.localPort() + ">"));
    }
  }

  @Test
  void anOutOfOrderCSeqChangesNothing() throws Exception {
    Extension e = ext.get("211");
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String callId = SipUdpClient.newId();
      assertThat(SipUdpClient.status(registerAt(phone, e, callId, 10, "Expires: 600")))
          .isEqualTo(200);
      String older = registerAt(phone, e, callId, 5, "Expires: 0");
      assertThat(SipUdpClient.status(older)).isEqualTo(500);
      String query = registerAt(phone, e, callId, 20, "Expires: 600");
      assertThat(SipUdpClient.headers(query, "Contact")).hasSize(1);
    }
  }

  @Test
  void aDisabledExtensionFailsLikeAWrongPasswordAtOnce() throws Exception {
    Extension e = ext.get("212");
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      register(phone, e);
      SipExtensions.disable(server, admin, "212");
      String refused = registerAt(phone, e, SipUdpClient.newId(), 1, "Expires: 600");
      assertThat(SipUdpClient.status(refused)).isEqualTo(401);
      assertThat(refused).doesNotContain("stale=true");
      String wrong =
          registerAt(
              phone,
              new Extension(e.number(), e.realm(), "wrong"),
              SipUdpClient.newId(),
              1,
              "Expires: 600");
      assertThat(SipUdpClient.headers(refused, "WWW-Authenticate"))
          .hasSameSizeAs(SipUdpClient.headers(wrong, "WWW-Authenticate"));
    }
  }

  /** A whole registration (challenge, answer) of the client's contact; returns the 200 OK. */
  static String register(SipUdpClient phone, Extension e) throws Exception {
    String ok = registerAt(phone, e, SipUdpClient.newId(), 1, "Expires: 600");
    assertThat(SipUdpClient.status(ok)).as(ok).isEqualTo(200);
    return ok;
  }

  /** Challenge at CSeq {@code cseq}, answer at {@code cseq + 1}; returns the final response. */
  static String registerAt(
      SipUdpClient phone, Extension e, String callId, long cseq, String expires) throws Exception {
    List<String> headers = List.of(phone.contact(e.number()), expires);
    String challenge =
        phone.exchange(
            phone.request("REGISTER", e.number(), e.realm(), callId, cseq, "Phone/1.0", headers));
    assertThat(SipUdpClient.status(challenge)).isEqualTo(401);
    String authorization =
        SipUdpClient.authorization(
            SipUdpClient.challenge(challenge, "SHA-256"),
            "REGISTER",
            e.number(),
            e.secret(),
            "sip:" + e.realm(),
            1);
    List<String> answered = new java.util.ArrayList<>(headers);
    answered.add(authorization);
    return phone.exchange(
        phone.request("REGISTER", e.number(), e.realm(), callId, cseq + 1, "Phone/1.0", answered));
  }
}
