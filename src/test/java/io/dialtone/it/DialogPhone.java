package io.dialtone.it;

import io.dialtone.it.SipExtensions.Extension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One side of a call through Dialtone on a raw UDP socket, which keeps its dialog (Call-ID, tags,
 * route set, the other side's Contact) for as long as the test likes, across a restart of Dialtone
 * included: {@link #call} makes the call as a phone does (407, INVITE again with its credentials,
 * ACK of the 200 along the record-route), {@link #answer} answers one as the called phone does.
 * Either side then ends it with {@link #sendBye} and {@link #byeAnswer}. {@link #ringing} and
 * {@link #cancel} make a call that rings until the caller hangs up.
 */
final class DialogPhone {

  private static final String SDP =
      "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
          + "m=audio 4000 RTP/AVP 0\r\n";

  private final SipUdpClient socket;
  private final String callId;
  private final String local;
  private final String remote;
  private final String target;
  private final List<String> routes;
  private int cseq;
  private String bye;

  private DialogPhone(
      SipUdpClient socket,
      String callId,
      String local,
      String remote,
      String target,
      List<String> routes,
      int cseq) {
    this.socket = socket;
    this.callId = callId;
    this.local = local;
    this.remote = remote;
    this.target = target;
    this.routes = routes;
    this.cseq = cseq;
  }

  String callId() {
    return callId;
  }

  /**
   * {@code e} calls {@code dialled} from {@code socket} (whose server is Dialtone) and returns once
   * the call is answered and the 200 acknowledged; fails on any other final answer.
   */
  static DialogPhone call(SipUdpClient socket, Extension e, String dialled, String callId)
      throws IOException {
    return call(socket, e, dialled, callId, List.of());
  }

  /** As {@link #call(SipUdpClient, Extension, String, String)}, the INVITE with {@code extra}. */
  static DialogPhone call(
      SipUdpClient socket, Extension e, String dialled, String callId, List<String> extra)
      throws IOException {
    String invite = authenticatedInvite(socket, e, dialled, callId, extra);
    String ok =
        finalAnswer(socket, invite)
            .orElseThrow(() -> new AssertionError("no answer to the INVITE of " + callId));
    assertStatus(ok, 200);
    List<String> routes = new ArrayList<>(routeSet(ok));
    java.util.Collections.reverse(routes); // the caller's route set: RFC 3261 §12.1.2
    DialogPhone phone =
        new DialogPhone(
            socket,
            callId,
            SipUdpClient.headers(invite, "From").getFirst(),
            SipUdpClient.headers(ok, "To").getFirst(),
            contactUri(ok),
            routes,
            2);
    socket.send(phone.request("ACK", 2));
    return phone;
  }

  /**
   * {@code e} calls {@code dialled} from {@code socket} and returns the INVITE sent once the call
   * rings (a 180 came back); end it with {@link #cancel}.
   */
  static String ringing(SipUdpClient socket, Extension e, String dialled, String callId)
      throws IOException {
    String invite = authenticatedInvite(socket, e, dialled, callId, List.of());
    socket.send(invite);
    Instant end = Instant.now().plusSeconds(5);
    while (Instant.now().isBefore(end)) {
      Optional<String> answer = socket.receiveAny(500);
      if (answer.isPresent() && answer.get().startsWith("SIP/2.0 180 ")) {
        return invite;
      }
      if (answer.isPresent() && !answer.get().startsWith("SIP/2.0 1")) {
        throw new AssertionError("no ringing, but:\n" + answer.get());
      }
    }
    throw new AssertionError("no 180 for " + callId);
  }

  /**
   * Cancels the ringing {@code invite} (RFC 3261 §9.1: its Request-URI, Via branch, From, To,
   * Call-ID and CSeq number) and acknowledges the INVITE's final answer; returns the CANCEL's and
   * the INVITE's final statuses.
   */
  static List<Integer> cancel(SipUdpClient socket, String invite) throws IOException {
    String callId = SipUdpClient.headers(invite, "Call-ID").getFirst();
    String number = SipUdpClient.headers(invite, "CSeq").getFirst().split(" ")[0];
    String cancel =
        invite.substring(0, invite.indexOf(" SIP/2.0\r\n")).replace("INVITE ", "CANCEL ")
            + " SIP/2.0\r\nVia: "
            + SipUdpClient.headers(invite, "Via").getFirst()
            + "\r\nMax-Forwards: 70\r\nFrom: "
            + SipUdpClient.headers(invite, "From").getFirst()
            + "\r\nTo: "
            + SipUdpClient.headers(invite, "To").getFirst()
            + "\r\nCall-ID: "
            + callId
            + "\r\nCSeq: "
            + number
            + " CANCEL\r\nContent-Length: 0\r\n\r\n";
    Integer cancelled = null;
    Integer invited = null;
    socket.send(cancel);
    Instant end = Instant.now().plusSeconds(5);
    while ((cancelled == null || invited == null) && Instant.now().isBefore(end)) {
      Optional<String> answer = socket.receive(500);
      if (answer.isEmpty() || !SipUdpClient.headers(answer.get(), "Call-ID").contains(callId)) {
        continue;
      }
      String cseq = SipUdpClient.headers(answer.get(), "CSeq").getFirst();
      if (cseq.endsWith(" CANCEL")) {
        cancelled = SipUdpClient.status(answer.get());
      } else if (cseq.endsWith(" INVITE")) {
        invited = SipUdpClient.status(answer.get());
        socket.send(
            "ACK "
                + invite.substring(7, invite.indexOf(" SIP/2.0"))
                + " SIP/2.0\r\nVia: "
                + SipUdpClient.headers(invite, "Via").getFirst()
                + "\r\nMax-Forwards: 70\r\nFrom: "
                + SipUdpClient.headers(invite, "From").getFirst()
                + "\r\nTo: "
                + SipUdpClient.headers(answer.get(), "To").getFirst()
                + "\r\nCall-ID: "
                + callId
                + "\r\nCSeq: "
                + number
                + " ACK\r\nContent-Length: 0\r\n\r\n");
      }
    }
    return java.util.Arrays.asList(cancelled, invited);
  }

  /** Sends the INVITE and answers its 407: the INVITE with the credentials, not yet sent. */
  private static String authenticatedInvite(
      SipUdpClient socket, Extension e, String dialled, String callId, List<String> extra)
      throws IOException {
    String uri = "sip:" + dialled + "@" + e.realm();
    String from = "<sip:" + e.number() + "@" + e.realm() + ">;tag=" + SipUdpClient.newId();
    String to = "<" + uri + ">";
    String challenge =
        finalAnswer(socket, invite(socket, e, uri, from, to, callId, 1, null, extra))
            .orElseThrow(() -> new AssertionError("no answer to the INVITE of " + callId));
    assertStatus(challenge, 407);
    String credentials =
        "Proxy-"
            + SipUdpClient.authorization(
                SipUdpClient.challenge(challenge, "SHA-256", "Proxy-Authenticate"),
                "INVITE",
                e.number(),
                e.secret(),
                uri,
                1);
    return invite(socket, e, uri, from, to, callId, 2, credentials, extra);
  }

  /**
   * Answers the INVITE that reaches {@code socket} within 5 s with 200 (with SDP), sent again until
   * its ACK comes.
   */
  static DialogPhone answer(SipUdpClient socket) throws IOException {
    String invite = next(socket, "INVITE ", 5000);
    String to = SipUdpClient.headers(invite, "To").getFirst() + ";tag=" + SipUdpClient.newId();
    StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String via : SipUdpClient.headers(invite, "Via")) {
      ok.append("Via: ").append(via).append("\r\n");
    }
    for (String route : SipUdpClient.headers(invite, "Record-Route")) {
      ok.append("Record-Route: ").append(route).append("\r\n");
    }
    ok.append("From: ").append(SipUdpClient.headers(invite, "From").getFirst()).append("\r\n");
    ok.append("To: ").append(to).append("\r\n");
    ok.append("Call-ID: ").append(SipUdpClient.headers(invite, "Call-ID").getFirst());
    ok.append("\r\nCSeq: ").append(SipUdpClient.headers(invite, "CSeq").getFirst());
    ok.append("\r\nContact: <sip:callee@127.0.0.1:").append(socket.localPort()).append(">\r\n");
    ok.append("Content-Type: application/sdp\r\n");
    ok.append("Content-Length: ").append(SDP.getBytes(StandardCharsets.UTF_8).length);
    ok.append("\r\n\r\n").append(SDP);
    Instant end = Instant.now().plusSeconds(5);
    while (true) {
      socket.send(ok.toString());
      Optional<String> ack = socket.receive(500);
      if (ack.isPresent() && ack.get().startsWith("ACK ")) {
        break;
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("no ACK of the 200 to:\n" + invite);
      }
    }
    return new DialogPhone(
        socket,
        SipUdpClient.headers(invite, "Call-ID").getFirst(),
        to,
        SipUdpClient.headers(invite, "From").getFirst(),
        contactUri(invite),
        routeSet(invite),
        100);
  }

  /** Sends a BYE in the dialog (its answer: {@link #byeAnswer}). */
  void sendBye() throws IOException {
    cseq++;
    bye = request("BYE", cseq);
    socket.send(bye);
  }

  /**
   * The final status of the BYE sent last, sent again every 500 ms until it comes (4 s at most; 0
   * when none came).
   */
  int byeAnswer() throws IOException {
    Instant end = Instant.now().plusSeconds(4);
    while (Instant.now().isBefore(end)) {
      Optional<String> answer = socket.receive(500);
      if (answer.isEmpty()) {
        socket.send(bye);
      } else if (answer.get().startsWith("SIP/2.0 ")
          && SipUdpClient.headers(answer.get(), "Call-ID").contains(callId)
          && SipUdpClient.headers(answer.get(), "CSeq").contains(cseq + " BYE")) {
        return SipUdpClient.status(answer.get());
      }
    }
    return 0;
  }

  private String request(String method, int number) {
    StringBuilder text = new StringBuilder(method + " " + target + " SIP/2.0\r\n");
    text.append("Via: SIP/2.0/UDP 127.0.0.1:").append(socket.localPort());
    text.append(";branch=z9hG4bK").append(SipUdpClient.newId()).append("\r\n");
    for (String route : routes) {
      text.append("Route: ").append(route).append("\r\n");
    }
    text.append("Max-Forwards: 70\r\n");
    text.append("From: ").append(local).append("\r\n");
    text.append("To: ").append(remote).append("\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(number).append(' ').append(method).append("\r\n");
    text.append("Content-Length: 0\r\n\r\n");
    return text.toString();
  }

  private static String invite(
      SipUdpClient socket,
      Extension e,
      String uri,
      String from,
      String to,
      String callId,
      int cseq,
      String credentials,
      List<String> extra) {
    StringBuilder text = new StringBuilder("INVITE " + uri + " SIP/2.0\r\n");
    text.append("Via: SIP/2.0/UDP 127.0.0.1:").append(socket.localPort());
    text.append(";branch=z9hG4bK").append(SipUdpClient.newId()).append("\r\n");
    text.append("Max-Forwards: 70\r\n");
    text.append("From: ").append(from).append("\r\n");
    text.append("To: ").append(to).append("\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(cseq).append(" INVITE\r\n");
    text.append("Contact: <sip:").append(e.number()).append("@127.0.0.1:");
    text.append(socket.localPort()).append(">\r\n");
    text.append("User-Agent: DialogPhone/1.0\r\n");
    for (String header : extra) {
      text.append(header).append("\r\n");
    }
    if (credentials != null) {
      text.append(credentials).append("\r\n");
    }
    text.append("Content-Type: application/sdp\r\n");
    text.append("Content-Length: ").append(SDP.getBytes(StandardCharsets.UTF_8).length);
    text.append("\r\n\r\n").append(SDP);
    return text.toString();
  }

  private static Optional<String> finalAnswer(SipUdpClient socket, String invite)
      throws IOException {
    return HostileInvites.finalAnswer(socket, invite);
  }

  /** The next message starting with {@code start} within {@code millis}. */
  private static String next(SipUdpClient socket, String start, int millis) throws IOException {
    Instant end = Instant.now().plusMillis(millis);
    while (Instant.now().isBefore(end)) {
      Optional<String> message = socket.receive(500);
      if (message.isPresent() && message.get().startsWith(start)) {
        return message.get();
      }
    }
    throw new AssertionError("no " + start.strip() + " on port " + socket.localPort());
  }

  /** The Record-Route entries of {@code message}, in order. */
  private static List<String> routeSet(String message) {
    List<String> routes = new ArrayList<>();
    for (String header : SipUdpClient.headers(message, "Record-Route")) {
      for (String entry : header.split(",")) {
        routes.add(entry.strip());
      }
    }
    return routes;
  }

  private static String contactUri(String message) {
    String contact = SipUdpClient.headers(message, "Contact").getFirst();
    return contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
  }

  private static void assertStatus(String answer, int status) {
    if (SipUdpClient.status(answer) != status) {
      throw new AssertionError("expected " + status + ", got:\n" + answer);
    }
  }
}
