package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brute force, scanners and garbage against the shared server (SECURITY.md D4, D5, D8, D9), each
 * from its own loopback address so its ban touches no other test: ten failed digests ban the source
 * (its right password then fails too, while another source still registers), a scanner User-Agent
 * gets no answer and its address is banned, each failure logs one fail2ban line, and a seeded
 * stream of mutated datagrams leaves the registrar answering.
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
    assertThat(server.consoleLines(line)).hasSizeGreaterThanOrEqualTo(10);
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
      scanner.send(
          scanner.request(
              "OPTIONS", "100", e.realm(), SipUdpClient.newId(), 1, "friendly-scanner", List.of()));
      assertThat(scanner.receive(1500)).as("no answer to a scanner").isEmpty();
      assertThat(SipUdpClient.status(attempt(scanner, e, e.secret())))
          .as("banned: even the right secret fails")
          .isEqualTo(401);
    }
    assertThat(
            server.consoleLines(
                Pattern.compile(
                    "SIP-FAIL .* src=127\\.0\\.0\\.67:\\d+ .*result=scanner ua=\"friendly-scanner\"")))
        .isNotEmpty();
  }

  @Test
  void mutatedDatagramsGet400OrNothingAndTheRegistrarKeepsAnswering() throws Exception {
    Random random = new Random(Long.getLong("dialtone.fuzz.seed", 6L));
    Extension e = ext.get("402");
    try (SipUdpClient fuzzer = new SipUdpClient("127.0.0.88");
        SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String valid =
          fuzzer.request(
              "REGISTER",
              e.number(),
              e.realm(),
              "fuzz",
              1,
              "Phone/1.0",
              List.of(fuzzer.contact(e.number()), "Expires: 600"));
      byte[] original = valid.getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < 1500; i++) {
        byte[] mutant = original.clone();
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
          mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
        }
        fuzzer.sendRaw(mutant);
        if (i % 100 == 99) {
          Thread.sleep(Duration.ofMillis(700)); // below the per-source rate ceiling
        }
      }
      long deadline = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < deadline) {
        String answer = fuzzer.receive(300).orElse(null);
        if (answer == null) {
          break;
        }
        assertThat(SipUdpClient.status(answer)).isIn(200, 400, 401, 403, 423, 481, 500, 501);
      }
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
