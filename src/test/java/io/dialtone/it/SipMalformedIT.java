package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages the parser refuses meet the same guards as the others (SECURITY.md D4, D5, D8): a plain
 * {@code 400 Bad Request} with nothing of the sender's text, ten of them ban their source, a
 * scanner is banned whatever it sent, a banned source gets no answer to them, oversized datagrams
 * count as failures, and another SIP version gets 505. Each test has a loopback source of its own;
 * a ban is observed positively: the banned source's next TCP connection is ended at once.
 */
@ExtendWith(RunningDialtone.class)
class SipMalformedIT {

  private static String request(SipUdpClient client, String agent, String contentLength) {
    String id = SipUdpClient.newId();
    return "REGISTER sip:c-1.sip.dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP "
        + client.localIp()
        + ":"
        + client.localPort()
        + ";branch=z9hG4bK"
        + id
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:201@c-1.sip.dialtone.invalid>;tag="
        + id
        + "\r\n"
        + "To: <sip:201@c-1.sip.dialtone.invalid>\r\n"
        + "Call-ID: "
        + id
        + "\r\n"
        + "CSeq: 1 REGISTER\r\n"
        + "User-Agent: "
        + agent
        + "\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  private static String options(SipUdpClient client, String version) {
    return SipTcpClient.options(
        "UDP " + client.localIp() + ":" + client.localPort(), version, "Phone/1.0");
  }

  @Test
  void aBrokenHeaderGetsAPlain400WithNothingOfTheSendersText(DialtoneServer server)
      throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.61")) {
      String answer = client.exchange(request(client, "Phone/1.0", "abc"));
      assertThat(answer).startsWith("SIP/2.0 400 Bad request\r\n");
      assertThat(answer)
          .doesNotContain("For input string", "[C@", "Exception", "abc")
          .endsWith("\r\n\r\n");
      assertThat(SipUdpClient.headers(answer, "Content-Length")).containsExactly("0");
    }
  }

  @Test
  void tenBrokenMessagesBanTheirSource(DialtoneServer server) throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.62")) {
      for (int i = 0; i < 9; i++) {
        assertThat(client.exchange(request(client, "Phone/1.0", "abc")))
            .startsWith("SIP/2.0 400 Bad request");
      }
      client.send(request(client, "Phone/1.0", "abc"));
      assertThat(newConnectionEnded("127.0.0.62")).as("banned by the tenth").isTrue();
      assertThat(newConnectionEnded("127.0.0.60")).as("another source").isFalse();
    }
  }

  @Test
  void aScannerIsBannedEvenWhenItsMessageIsBroken(DialtoneServer server) throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.63")) {
      client.send(request(client, "friendly-scanner", "abc"));
      assertThat(newConnectionEnded("127.0.0.63")).isTrue();
      // a well-formed request still reaches the registrar (answered as any banned source is) ...
      String keepAlive = untilAnswered(client, options(client, "SIP/2.0"));
      assertThat(keepAlive).startsWith("SIP/2.0 200");
      // ... but a broken one gets nothing
      client.send(request(client, "Phone/1.0", "abc"));
      String next = untilAnswered(client, options(client, "SIP/2.0"));
      assertThat(next)
          .as("the first answer after the broken one is the OPTIONS'")
          .startsWith("SIP/2.0 200");
      assertThat(client.receive(500).filter(a -> a.startsWith("SIP/2.0 400")))
          .as("nor a late one")
          .isEmpty();
    }
  }

  @Test
  void aBannedSourceGetsNoAnswerToAThousandBrokenMessages(DialtoneServer server) throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.64")) {
      client.send(request(client, "sipvicious", "0"));
      assertThat(newConnectionEnded("127.0.0.64")).isTrue();
      for (int i = 0; i < 1000; i++) {
        client.send(request(client, "Phone/1.0", "abc"));
      }
      String first = untilAnswered(client, options(client, "SIP/2.0"));
      assertThat(first).as("no 400 came before the OPTIONS' answer").startsWith("SIP/2.0 200");
      assertThat(client.receive(500).filter(a -> a.startsWith("SIP/2.0 400")))
          .as("nor after it")
          .isEmpty();
    }
  }

  @Test
  void oversizedDatagramsAreDroppedAndCounted(DialtoneServer server) throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.65")) {
      String padded =
          request(client, "Phone/1.0", "0")
              .replace(
                  "Max-Forwards: 70\r\n",
                  "Max-Forwards: 70\r\nX-Pad: " + "a".repeat(20_000) + "\r\n");
      for (int i = 0; i < 10; i++) {
        client.send(padded);
      }
      assertThat(newConnectionEnded("127.0.0.65")).as("ten oversized ban").isTrue();
      String first = untilAnswered(client, options(client, "SIP/2.0"));
      assertThat(first).as("none of them was answered").startsWith("SIP/2.0 200");
    }
  }

  @Test
  void anotherSipVersionGets505(DialtoneServer server) throws Exception {
    try (SipUdpClient client = new SipUdpClient("127.0.0.66")) {
      assertThat(client.exchange(options(client, "SIP/3.0")))
          .startsWith("SIP/2.0 505 SIP version not supported\r\n");
    }
  }

  @Test
  void aHugeContentLengthOrEndlessHeadersEndOnlyTheirOwnConnection(DialtoneServer server)
      throws Exception {
    try (SipTcpClient huge = new SipTcpClient("127.0.0.67")) {
      huge.write(
          SipTcpClient.options("TCP 127.0.0.67:5099", "SIP/2.0", "Phone/1.0")
              .replace("Content-Length: 0", "Content-Length: 2000000000"));
      assertThat(huge.endedByServer(5000)).isTrue();
    }
    try (SipTcpClient endless = new SipTcpClient("127.0.0.67")) {
      boolean written =
          endless.write(
              "OPTIONS sip:100@dialtone.invalid SIP/2.0\r\n"
                  + ("X-Filler: " + "a".repeat(80) + "\r\n").repeat(250));
      assertThat(!written || endless.endedByServer(5000)).isTrue();
    }
    try (SipTcpClient other = new SipTcpClient("127.0.0.68")) {
      assertThat(other.options())
          .as("the port still serves everyone else")
          .startsWith("SIP/2.0 200 ");
    }
  }

  /**
   * Sends {@code message} once a second until an answer comes (a source over its rate ceiling is
   * not read until the next second); the first datagram received.
   */
  private static String untilAnswered(SipUdpClient client, String message) throws IOException {
    for (int i = 0; i < 10; i++) {
      client.send(message);
      Optional<String> answer = client.receive(1000);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    throw new AssertionError("no answer to\n" + message);
  }

  /**
   * Whether a new TCP connection from {@code source} is ended by the server within five seconds (a
   * banned source may hold none); one still open after an OPTIONS exchange is not.
   */
  private static boolean newConnectionEnded(String source) throws IOException {
    long end = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < end) {
      try (SipTcpClient tcp = new SipTcpClient(source)) {
        if (tcp.endedByServer(300)) {
          return true;
        }
      }
    }
    return false;
  }
}
