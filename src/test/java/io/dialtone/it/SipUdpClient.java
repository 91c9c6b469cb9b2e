package io.dialtone.it;

import io.dialtone.sip.control.SipDigest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare SIP client over UDP for the black-box SIP tests: writes requests by hand, reads responses
 * as text, and answers digest challenges itself (SHA-256 or MD5, qop=auth), so tests see exactly
 * the bytes on the wire. Binds to a chosen loopback address (e.g. {@code 127.0.0.66}), so a test
 * that gets its address banned bans no other test.
 */
final class SipUdpClient implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatagramSocket socket;
  private final InetSocketAddress server;
  private final String localIp;

  SipUdpClient(String localIp) throws IOException {
    this(localIp, SipExtensions.sipPort());
  }

  /** A client of the registrar on {@code serverPort} of 127.0.0.1. */
  SipUdpClient(String localIp, int serverPort) throws IOException {
    this.localIp = localIp;
    this.socket = new DatagramSocket(new InetSocketAddress(localIp, 0));
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
  }

  int localPort() {
    return socket.getLocalPort();
  }

  String localIp() {
    return localIp;
  }

  void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, server));
  }

  void sendRaw(byte[] bytes) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, server));
  }

  /** The next datagram within {@code millis}, skipping provisional responses. */
  Optional<String> receive(int millis) throws IOException {
    return receive(millis, false);
  }

  /** The next datagram within {@code millis}, provisional responses included. */
  Optional<String> receiveAny(int millis) throws IOException {
    return receive(millis, true);
  }

  private Optional<String> receive(int millis, boolean provisional) throws IOException {
    long end = System.currentTimeMillis() + millis;
    byte[] buffer = new byte[65535];
    while (true) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return Optional.empty();
      }
      socket.setSoTimeout((int) left);
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      if (provisional || !text.startsWith("SIP/2.0 1")) {
        return Optional.of(text);
      }
    }
  }

  /** Sends {@code message} and returns the final response (fails after 3 s without one). */
  String exchange(String message) throws IOException {
    send(message);
    return receive(3000).orElseThrow(() -> new AssertionError("no response to:\n" + message));
  }

  /** Drains what is still on the wire (late retransmissions). */
  void drain() throws IOException {
    while (receive(200).isPresent()) {
      // discard
    }
  }

  static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A request of {@code method} from/to {@code user@realm} with the given extra headers. */
  String request(
      String method,
      String user,
      String realm,
      String callId,
      long cseq,
      String userAgent,
      List<String> headers) {
    StringBuilder text = new StringBuilder();
    String uri = "REGISTER".equals(method) ? "sip:" + realm : "sip:" + user + "@" + realm;
    text.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
    text.append("Via: SIP/2.0/UDP ")
        .append(localIp)
        .append(':')
        .append(localPort())
        .append(";branch=z9hG4bK")
        .append(newId())
        .append(";rport\r\n");
    text.append("Max-Forwards: 70\r\n");
    text.append("From: <sip:")
        .append(user)
        .append('@')
        .append(realm)
        .append(">;tag=")
        .append(newId())
        .append("\r\n");
    text.append("To: <sip:").append(user).append('@').append(realm).append(">\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    if (userAgent != null) {
      text.append("User-Agent: ").append(userAgent).append("\r\n");
    }
    text.append("Content-Length: 0\r\n\r\n");
    return text.toString();
  }

  String contact(String user) {
    return "Contact: <sip:" + user + "@" + localIp + ":" + localPort() + ">";
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(8, 11));
  }

  static List<String> headers(String response, String name) {
    List<String> values = new ArrayList<>();
    for (String line : response.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        values.add(line.substring(colon + 1).strip());
      }
    }
    return values;
  }

  /** The challenge of {@code response} for {@code algorithm}. */
  static String challenge(String response, String algorithm) {
    return challenge(response, algorithm, "WWW-Authenticate");
  }

  /** The challenge of {@code response} for {@code algorithm} in header {@code name}. */
  static String challenge(String response, String algorithm, String name) {
    return headers(response, name).stream()
        .filter(h -> h.contains("algorithm=" + algorithm + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in\n" + response));
  }

  static String param(String challenge, String name) {
    Matcher m = Pattern.compile(name + "=\"?([^\",]*)\"?").matcher(challenge);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + challenge);
    }
    return m.group(1);
  }

  /** An Authorization header answering {@code challenge} with nonce-count {@code nc}. */
  static String authorization(
      String challenge, String method, String user, String secret, String uri, int nc) {
    SipDigest digest =
        param(challenge, "algorithm").toUpperCase(Locale.ROOT).equals("MD5")
            ? SipDigest.MD5
            : SipDigest.SHA_256;
    String realm = param(challenge, "realm");
    String nonce = param(challenge, "nonce");
    String cnonce = newId();
    String count = String.format("%08x", nc);
    String ha1 = digest.ha1(user, realm, secret);
    String ha2 = digest.hex(method + ":" + uri);
    String response = digest.hex(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
    return "Authorization: Digest username=\""
        + user
        + "\", realm=\""
        + realm
        + "\", nonce=\""
        + nonce
        + "\", uri=\""
        + uri
        + "\", response=\""
        + response
        + "\", algorithm="
        + digest.algorithm()
        + ", qop=auth, nc="
        + count
        + ", cnonce=\""
        + cnonce
        + "\"";
  }

  @Override
  public void close() {
    socket.close();
  }
}
