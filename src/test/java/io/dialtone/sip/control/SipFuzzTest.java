package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dialtone.sip.boundary.JainSipMessages;
import io.dialtone.sip.control.SipRequest.Peer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzz of message handling (SECURITY.md D8): valid requests are mutated (bytes
 * flipped, inserted, deleted, lines duplicated or cut, header values replaced by hostile ones),
 * parsed by the codec and, when it accepts them, answered by the handler. Each must be refused (the
 * transport answers 400) or get a known status; nothing throws, nothing hangs. The seed is fixed so
 * a failure reproduces; {@code -Ddialtone.fuzz.seed=} and {@code -Ddialtone.fuzz.runs=} explore
 * further.
 */
class SipFuzzTest {

  private static final Set<Integer> KNOWN = Set.of(0, 200, 400, 401, 403, 407, 423, 481, 501);

  private static final String[] CORPUS = {
    "REGISTER sip:c-000042.sip.dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK776asdhds;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:201@c-000042.sip.dialtone.invalid>;tag=1928301774\r\n"
        + "To: <sip:201@c-000042.sip.dialtone.invalid>\r\n"
        + "Call-ID: a84b4c76e66710@192.0.2.7\r\n"
        + "CSeq: 2 REGISTER\r\n"
        + "Contact: <sip:201@192.0.2.7:5060>;expires=600, <sip:201@192.0.2.7:5062>\r\n"
        + "Expires: 600\r\n"
        + "Authorization: Digest username=\"201\", realm=\"c-000042.sip.dialtone.invalid\","
        + " nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
        + " uri=\"sip:c-000042.sip.dialtone.invalid\", response=\"0123456789abcdef\","
        + " algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"x\"\r\n"
        + "User-Agent: Phone/1.0\r\n"
        + "Content-Length: 0\r\n\r\n",
    "INVITE sip:300@c-000042.sip.dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKnashds8\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Desk\" <sip:201@c-000042.sip.dialtone.invalid>;tag=9fxced76sl\r\n"
        + "To: <sip:300@c-000042.sip.dialtone.invalid>\r\n"
        + "Call-ID: 3848276298220188511@192.0.2.7\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:201@192.0.2.7>\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: 4\r\n\r\nv=0\n",
    "REGISTER sip:c-000042.sip.dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 192.0.2.7:5060;branch=z9hG4bK7\r\n"
        + "From: <sip:201@c-000042.sip.dialtone.invalid>;tag=1\r\n"
        + "To: <sip:201@c-000042.sip.dialtone.invalid>\r\n"
        + "Call-ID: w1\r\nCSeq: 9 REGISTER\r\nContact: *\r\nExpires: 0\r\n"
        + "Content-Length: 0\r\n\r\n",
    "OPTIONS sip:100@192.0.2.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKo1\r\n"
        + "From: <sip:100@192.0.2.1>;tag=o\r\nTo: <sip:100@192.0.2.1>\r\n"
        + "Call-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
  };

  private static final String[] HOSTILE = {
    "",
    " ",
    "\u0000",
    "%00",
    "\"",
    "<",
    ">",
    ";;;;",
    ",,,,",
    "999999999999999999999",
    "-1",
    "sip:",
    "<sip:@>",
    "*",
    "Digest",
    "Digest ,",
    "\r\n\r\n",
    "x".repeat(3000),
    "\u00ff\u00fe",
    "sips:[::1]:0",
    "tel:+1",
    "<sip:a@b>;expires=-5",
    "=\"",
    "\\"
  };

  @Test
  void mutatedMessagesAreRefusedOrAnsweredNeverThrowNeverHang() {
    long seed = Long.getLong("dialtone.fuzz.seed", 20261128L);
    int runs = Integer.getInteger("dialtone.fuzz.runs", 20_000);
    SipFixtures f = new SipFixtures();
    java.util.logging.Logger.getLogger(FailureLog.LOGGER).setLevel(java.util.logging.Level.WARNING);
    Random random = new Random(seed);
    int[] parsed = {0};
    assertTimeoutPreemptively(
        Duration.ofMinutes(3),
        () -> {
          for (int i = 0; i < runs; i++) {
            byte[] message = mutate(CORPUS[random.nextInt(CORPUS.length)], random);
            Peer peer = new Peer("192.0.2." + random.nextInt(250), 5060, "UDP");
            Optional<SipRequest> request = JainSipMessages.parse(message, peer);
            if (request.isPresent()) {
              parsed[0]++;
              SipAnswer answer = f.service.handle(request.get());
              assertThat(answer.status())
                  .as(
                      "seed %d run %d:\n%s",
                      seed, i, new String(message, StandardCharsets.ISO_8859_1))
                  .isIn(KNOWN);
            }
          }
        });
    assertThat(parsed[0]).as("some mutants still parse").isGreaterThan(runs / 20);
  }

  private static byte[] mutate(String original, Random random) {
    String text = original;
    int steps = 1 + random.nextInt(4);
    for (int s = 0; s < steps; s++) {
      switch (random.nextInt(6)) {
        case 0 -> {
          byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
          int at = random.nextInt(bytes.length);
          bytes[at] = (byte) random.nextInt(256);
          text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        case 1 -> {
          int at = random.nextInt(text.length());
          text =
              text.substring(0, at)
                  + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
        }
        case 2 -> {
          int at = random.nextInt(text.length());
          text =
              text.substring(0, at) + HOSTILE[random.nextInt(HOSTILE.length)] + text.substring(at);
        }
        case 3 -> {
          String[] lines = text.split("\r\n", -1);
          int at = 1 + random.nextInt(Math.max(1, lines.length - 3));
          StringBuilder out = new StringBuilder();
          for (int l = 0; l < lines.length; l++) {
            out.append(lines[l]).append(l < lines.length - 1 ? "\r\n" : "");
            if (l == at) {
              out.append(lines[l]).append("\r\n");
            }
          }
          text = out.toString();
        }
        case 4 -> {
          String[] lines = text.split("\r\n", -1);
          int at = Math.min(lines.length - 1, 1 + random.nextInt(Math.max(1, lines.length - 3)));
          int colon = lines[at].indexOf(':');
          if (colon > 0) {
            lines[at] =
                lines[at].substring(0, colon + 1) + " " + HOSTILE[random.nextInt(HOSTILE.length)];
          }
          text = String.join("\r\n", lines);
        }
        default -> text = text.substring(0, random.nextInt(text.length()));
      }
      if (text.isEmpty()) {
        text = "X";
      }
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
