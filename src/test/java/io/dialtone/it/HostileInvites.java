package io.dialtone.it;

import io.dialtone.it.SipExtensions.Extension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Hostile INVITEs of the call tests, sent from a raw UDP socket: each answered to its 407 with the
 * phone's right credentials, so the proxy's own checks (not the registrar's) meet it.
 */
final class HostileInvites {

  private HostileInvites() {}

  static boolean receivedAnything(java.net.DatagramSocket socket, java.net.DatagramPacket p)
      throws IOException {
    try {
      socket.receive(p);
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    }
  }

  /**
   * An INVITE of phone {@code e} to {@code callee}, made hostile by {@code change} (a replaced
   * Max-Forwards line, or "no-branch", or "long-body"), {@code extra} header and {@code toTag};
   * answered to the 407 with the right credentials. The final status, or 0 when none came.
   */
  static int hostile(
      SipUdpClient phone, Extension e, String callee, String change, String extra, String toTag)
      throws IOException {
    String callId = "hostile-" + SipUdpClient.newId();
    String uri = "sip:" + callee + "@" + e.realm();
    String fromTag = SipUdpClient.newId();
    String first = invite(phone, e, uri, callId, 1, fromTag, change, extra, toTag, null);
    Optional<String> answer = finalAnswer(phone, first);
    if (answer.isEmpty() || SipUdpClient.status(answer.get()) != 407) {
      return answer.map(SipUdpClient::status).orElse(0);
    }
    String credentials =
        "Proxy-"
            + SipUdpClient.authorization(
                SipUdpClient.challenge(answer.get(), "SHA-256", "Proxy-Authenticate"),
                "INVITE",
                e.number(),
                e.secret(),
                uri,
                1);
    String second = invite(phone, e, uri, callId, 2, fromTag, change, extra, toTag, credentials);
    return finalAnswer(phone, second).map(SipUdpClient::status).orElse(0);
  }

  /**
   * Sends {@code request} and returns its final answer within 4 s (answers of other requests, e.g.
   * an earlier answer sent again, are skipped); a failure is acknowledged as RFC 3261 §17.1.1.3
   * says, so it is not sent again.
   */
  static Optional<String> finalAnswer(SipUdpClient phone, String request) throws IOException {
    String callId = SipUdpClient.headers(request, "Call-ID").getFirst();
    String cseq = SipUdpClient.headers(request, "CSeq").getFirst();
    phone.send(request);
    Instant end = Instant.now().plusSeconds(4);
    while (Instant.now().isBefore(end)) {
      Optional<String> answer = phone.receive(500);
      if (answer.isEmpty()
          || !SipUdpClient.headers(answer.get(), "Call-ID").contains(callId)
          || !SipUdpClient.headers(answer.get(), "CSeq").contains(cseq)) {
        continue;
      }
      if (SipUdpClient.status(answer.get()) >= 300) {
        String uri = request.substring(7, request.indexOf(" SIP/2.0"));
        phone.send(
            "ACK "
                + uri
                + " SIP/2.0\r\nVia: "
                + SipUdpClient.headers(request, "Via").getFirst()
                + "\r\nMax-Forwards: 70\r\nFrom: "
                + SipUdpClient.headers(request, "From").getFirst()
                + "\r\nTo: "
                + SipUdpClient.headers(answer.get(), "To").getFirst()
                + "\r\nCall-ID: "
                + callId
                + "\r\nCSeq: "
                + cseq.replace("INVITE", "ACK")
                + "\r\nContent-Length: 0\r\n\r\n");
      }
      return answer;
    }
    return Optional.empty();
  }

  private static String invite(
      SipUdpClient phone,
      Extension e,
      String uri,
      String callId,
      int cseq,
      String fromTag,
      String change,
      String extra,
      String toTag,
      String credentials) {
    String sdp =
        "v=0\r\no=user1 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";
    StringBuilder text = new StringBuilder("INVITE " + uri + " SIP/2.0\r\n");
    text.append("Via: SIP/2.0/UDP 127.0.0.1:").append(phone.localPort());
    text.append("no-branch".equals(change) ? "" : ";branch=z9hG4bK" + SipUdpClient.newId());
    text.append("\r\n");
    if (!extra.isEmpty()) {
      text.append(extra).append("\r\n");
    }
    text.append(change.startsWith("Max-Forwards") ? change : "Max-Forwards: 70").append("\r\n");
    text.append("From: <sip:").append(e.number()).append('@').append(e.realm());
    text.append(">;tag=").append(fromTag).append("\r\n");
    text.append("To: <").append(uri).append('>').append(toTag).append("\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(cseq).append(" INVITE\r\n");
    text.append("Contact: <sip:").append(e.number()).append("@127.0.0.1:");
    text.append(phone.localPort()).append(">\r\n");
    text.append("User-Agent: Hostile/1.0\r\n");
    if (credentials != null) {
      text.append(credentials).append("\r\n");
    }
    text.append("Content-Type: application/sdp\r\n");
    int length = sdp.getBytes(StandardCharsets.UTF_8).length;
    text.append("Content-Length: ").append("long-body".equals(change) ? length + 500 : length);
    text.append("\r\n\r\n").append(sdp);
    return text.toString();
  }
}
