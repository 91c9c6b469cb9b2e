package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brute force, scanners and garbage against the shared server (SECURITY.md D4, D5, D8, D9), each
 * from its own loopback address so its ban touches no other test: ten failed digests ban the source
 * (its right password then fails too, while another source still registers), a guess on a stale
 * nonce or the right password for another URI gets a plain challenge, a scanner User-Agent gets no
 * answer and its address is banned, each failure logs one fail2ban line, and a seeded stream of
 * mutated datagrams gets only 400s or known answers (never a 500) and leaves the registrar
 * answering.
 */
@ExtendWith(RunningDialtone.class)
class SipFloodIT {

  private static DialtoneServer server;
  private static Map<String, Extension> ext;

  @BeforeAll
  static void provision(DialtoneServer started) {
    server = started;
    ext = SipExtensions.create(server, "401", "402");
  }

  @Test
  void tenFailedDigestsBanTheSourceNotTheOthers() throws Exception {
    Extension e = ext.get("401");
    try (SipUdpClient attacker = new SipUdpClient("127.0.0.66");
        SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      for (int i = 0; i < 10; i++) {
        String answer = attempt(attacker, e, "guess-" + i);
        assertThat(SipUdpClient.status(answer)).isEqualTo(401);
      }
      assertThat(SipUdpClient.status(attempt(attacker, e, e.secret())))
          .as("banned: the right secret fails like a wrong one")
          .isEqualTo(401);
      assertThat(SipUdpClient.status(attempt(phone, e, e.secret()))).isEqualTo(200);
    }
    Pattern line =
        Pattern.compile(
            "SIP-FAIL \\S+Z method=REGISTER user=401@\\S+ src=127\\.0\\.0\\.66:\\d+ transport=UDP"
                + " result=auth-failed ua=\"Phone/1\\.0\"");
    awaitConsole(line, 10);
    assertThat(server.consoleLines(line)).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void tenFailedInviteDigestsBanTheSourceAndAStaleNonceIsSaidStaleOnlyToTheRightAnswer()
      throws Exception {
    Extension e = ext.get("402");
    for (int i = 0; i < 10; i++) {
      assertThat(SipUdpClient.status(invite("127.0.0.69", e, "guess-" + i))).isEqualTo(407);
    }
    assertThat(invite("127.0.0.69", e, e.secret()))
        .as("banned: the right secret fails like a wrong one")
        .startsWith("SIP/2.0 407 ")
        .doesNotContain("stale");
    assertThat(SipUdpClient.status(invite("127.0.0.70", e, e.secret())))
        .as("another source, the right secret: past the challenge")
        .isNotEqualTo(407);
    Pattern line =
        Pattern.compile(
            "SIP-FAIL \\S+Z method=INVITE user=402@\\S+ src=127\\.0\\.0\\.69:\\d+ transport=UDP"
                + " result=auth-failed");
    awaitConsole(line, 10);
    assertThat(server.consoleLines(line)).hasSizeGreaterThanOrEqualTo(10);

    // A nonce past its life: the right answer is told stale=true, a wrong one is not.
    try (SipUdpClient phone = new SipUdpClient("127.0.0.70")) {
      String callId = SipUdpClient.newId();
      String challenge = inviteAnswer(phone, e, callId, 1, List.of());
      Thread.sleep(RunningDialtone.SIP_NONCE_SECONDS * 1000L + 1000); // the nonce's whole life
      String stale =
          inviteAnswer(phone, e, callId, 2, List.of(proxyAnswer(challenge, e, e.secret())));
      assertThat(stale).startsWith("SIP/2.0 407 ").contains("stale=true");
      String wrong = inviteAnswer(phone, e, callId, 3, List.of(proxyAnswer(challenge, e, "wrong")));
      assertThat(wrong).startsWith("SIP/2.0 407 ").doesNotContain("stale");
    }
  }

  /**
   * An INVITE from {@code e} to {@value #NOBODY} from a fresh socket on {@code source}: challenged,
   * then answered with {@code secret}; the final answer to the second.
   */
  private static String invite(String source, Extension e, String secret) throws Exception {
    try (SipUdpClient client = new SipUdpClient(source)) {
      String callId = SipUdpClient.newId();
      String challenge = inviteAnswer(client, e, callId, 1, List.of());
      return inviteAnswer(client, e, callId, 2, List.of(proxyAnswer(challenge, e, secret)));
    }
  }

  /** The number the INVITEs call: no extension, so an authenticated one ends at once. */
  private static final String NOBODY = "999";

  private static String proxyAnswer(String challenge, Extension e, String secret) {
    return SipEnumerationIT.credentials(
        challenge, "INVITE", e.number(), secret, "sip:" + NOBODY + "@" + e.realm());
  }

  /**
   * Sends INVITE {@code cseq} and returns its final answer (the earlier INVITEs' retransmitted
   * answers, never acknowledged here, are passed over).
   */
  private static String inviteAnswer(
      SipUdpClient client, Extension e, String callId, int cseq, List<String> headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(client.contact(e.number())));
    all.addAll(headers);
    client.send(
        client
            .request("INVITE", e.number(), e.realm(), callId, cseq, "Phone/1.0", all)
            .replaceFirst("^INVITE sip:" + e.number() + "@", "INVITE sip:" + NOBODY + "@")
            .replace("\r\nTo: <sip:" + e.number() + "@", "\r\nTo: <sip:" + NOBODY + "@"));
    for (int i = 0; i < 20; i++) {
      String answer =
          client.receive(3000).orElseThrow(() -> new AssertionError("no answer to INVITE " + cseq));
      if (answer.contains("CSeq: " + cseq + " INVITE")) {
        return answer;
      }
    }
    throw new AssertionError("no final answer to INVITE " + cseq);
  }

  @Test
  void aGuessOnAStaleNonceOrForAnotherUriGetsAPlainChallenge() throws Exception {
    Extension e = ext.get("401");
    String uri = "sip:" + e.realm();
    String otherUri = "sip:900@" + e.realm();
    try (SipUdpClient guesser = new SipUdpClient("127.0.0.68")) {
      String callId = SipUdpClient.newId();
      List<String> headers = List.of(guesser.contact(e.number()), "Expires: 600");
      String challenge =
          SipUdpClient.challenge(
              guesser.exchange(
                  guesser.request(
                      "REGISTER", e.number(), e.realm(), callId, 1, "Phone/1.0", headers)),
              "SHA-256");
      int nc = 1;
      String forOtherUri = answer(guesser, e, callId, headers, challenge, e.secret(), otherUri, nc);
      assertThat(SipUdpClient.status(forOtherUri)).as(forOtherUri).isEqualTo(401);
      assertThat(forOtherUri).doesNotContain("stale");
      // The right answers register until the nonce turns stale (the server's own signal).
      String last;
      do {
        nc++;
        last = answer(guesser, e, callId, headers, challenge, e.secret(), uri, nc);
        if (SipUdpClient.status(last) == 200) {
          Thread.sleep(200); // pacing over the nonce's few seconds of life
        }
      } while (SipUdpClient.status(last) == 200 && nc < 200);
      assertThat(last).as("the right answer on the expired nonce").contains("stale=true");
      String wrong = answer(guesser, e, callId, headers, challenge, "wrong", uri, ++nc);
      assertThat(SipUdpClient.status(wrong)).isEqualTo(401);
      assertThat(wrong)
          .as("a wrong password is not told it only needs a new nonce")
          .doesNotContain("stale");
      String staleOtherUri =
          answer(guesser, e, callId, headers, challenge, e.secret(), otherUri, ++nc);
      assertThat(SipUdpClient.status(staleOtherUri)).isEqualTo(401);
      assertThat(staleOtherUri).doesNotContain("stale");
    }
    Pattern failure =
        Pattern.compile(
            "SIP-FAIL \\S+Z method=REGISTER user=401@\\S+ src=127\\.0\\.0\\.68:\\d+ .*result=auth-failed");
    awaitConsole(failure, 3);
    assertThat(server.consoleLines(failure))
        .as("each refused answer is a logged failure")
        .hasSize(3);
  }

  /** Answers {@code challenge} for {@code uri} with {@code secret} at nonce-count {@code nc}. */
  private static String answer(
      SipUdpClient client,
      Extension e,
      String callId,
      List<String> headers,
      String challenge,
      String secret,
      String uri,
      int nc)
      throws Exception {
    List<String> answered = new ArrayList<>(headers);
    answered.add(SipUdpClient.authorization(challenge, "REGISTER", e.number(), secret, uri, nc));
    return client.exchange(
        client.request("REGISTER", e.number(), e.realm(), callId, nc + 1, "Phone/1.0", answered));
  }

  private static String attempt(SipUdpClient client, Extension e, String secret) throws Exception {
    return SipRegistrarIT.registerAt(
        client, withSecret(e, secret), SipUdpClient.newId(), 1, "Expires: 600");
  }

  private static Extension withSecret(Extension e, String secret) {
    return new Extension(e.number(), e.realm(), secret);
  }

  @Test
  void aScannerIsDroppedAndItsAddressBanned() throws Exception {
    Extension e = ext.get("402");
    try (SipUdpClient scanner = new SipUdpClient("127.0.0.67")) {
      String probe =
          scanner.request(
              "OPTIONS", "100", e.realm(), SipUdpClient.newId(), 1, "friendly-scanner", List.of());
      scanner.send(probe);
      awaitConsole(
          Pattern.compile(
              "SIP-FAIL .* src=127\\.0\\.0\\.67:\\d+ .*result=scanner ua=\"friendly-scanner\""));
      // The probe was handled (dropped): the next datagram this socket gets answers the next
      // request.
      String callId = SipUdpClient.newId();
      String next =
          scanner.exchange(
              scanner.request(
                  "REGISTER",
                  e.number(),
                  e.realm(),
                  callId,
                  1,
                  "Phone/1.0",
                  List.of(scanner.contact(e.number()), "Expires: 600")));
      assertThat(next)
          .as("no answer to the scanner's probe came before this one")
          .contains("Call-ID: " + callId)
          .contains("CSeq: 1 REGISTER");
      assertThat(SipUdpClient.status(attempt(scanner, e, e.secret())))
          .as("banned: even the right secret fails")
          .isEqualTo(401);
    }
  }

  /** Waits (at most 20 s) for a console line matching {@code pattern}. */
  private static void awaitConsole(Pattern pattern) throws InterruptedException {
    awaitConsole(pattern, 1);
    assertThat(server.consoleLines(pattern)).as("console line %s", pattern).isNotEmpty();
  }

  /**
   * Waits (at most 20 s) until {@code count} console lines match {@code pattern}: the server writes
   * its security events from a worker thread, so the last line may follow the last answer.
   */
  private static void awaitConsole(Pattern pattern, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.consoleLines(pattern).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /**
   * 1,500 mutants of a REGISTER, nine from each of 167 loopback sources: a source's tenth
   * unreadable message would ban it (and a banned source's broken messages get no answer), so each
   * source stays below that and every mutant is read and answered or dropped on its merits. After
   * its nine, each source sends a valid OPTIONS: its 200 is the signal that the answers to the nine
   * before it have come.
   */
  @Test
  void mutatedDatagramsGet400OrNothingAndTheRegistrarKeepsAnswering() throws Exception {
    Random random = new Random(Long.getLong("dialtone.fuzz.seed", 6L));
    Extension e = ext.get("402");
    List<String> answers = new ArrayList<>();
    for (int source = 1; source <= 167; source++) {
      try (SipUdpClient fuzzer = new SipUdpClient("127.0.2." + source)) {
        byte[] original =
            fuzzer
                .request(
                    "REGISTER",
                    e.number(),
                    e.realm(),
                    "fuzz-" + source,
                    1,
                    "Phone/1.0",
                    List.of(fuzzer.contact(e.number()), "Expires: 600"))
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 9; i++) {
          byte[] mutant = original.clone();
          for (int k = 0; k < 1 + random.nextInt(8); k++) {
            mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
          }
          fuzzer.sendRaw(mutant);
        }
        String marker = SipUdpClient.newId();
        fuzzer.send(
            fuzzer.request("OPTIONS", e.number(), e.realm(), marker, 1, "Phone/1.0", List.of()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean marked = false;
        while (!marked && System.nanoTime() < deadline) {
          Optional<String> answer = fuzzer.receive(1000);
          if (answer.isPresent()) {
            marked = answer.get().contains("Call-ID: " + marker);
            if (marked) {
              assertThat(answer.get()).startsWith("SIP/2.0 200 ");
            } else {
              answers.add(answer.get());
            }
          }
        }
        assertThat(marked).as("source %d's own OPTIONS got its 200", source).isTrue();
      }
    }
    assertThat(answers).as("answers to mutants").hasSizeGreaterThan(100);
    assertThat(answers)
        .as("answers to mutants, a 500 included, are failures")
        .allSatisfy(
            a ->
                assertThat(SipUdpClient.status(a))
                    .isIn(200, 400, 401, 403, 407, 423, 481, 501, 505));
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String options =
          phone.exchange(
              phone.request(
                  "OPTIONS",
                  e.number(),
                  e.realm(),
                  SipUdpClient.newId(),
                  1,
                  "Phone/1.0",
                  List.of()));
      assertThat(SipUdpClient.status(options)).isEqualTo(200);
    }
    assertThat(server.consoleLines(Pattern.compile("SIP handler failed"))).isEmpty();
  }
}
