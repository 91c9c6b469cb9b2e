package io.dialtone.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bare SIP client over one TCP connection to the shared server's SIP port, from a chosen loopback
 * address (a test that gets its address banned or fills its share bans no other test): writes
 * requests by hand, reads the head of each answer, and tells when the server ended the connection.
 * Also writes the OPTIONS requests the transport tests send over UDP and TCP.
 */
final class SipTcpClient implements AutoCloseable {

  private final Socket socket = new Socket();
  private final String source;

  /** A connection from {@code source} to the shared server's SIP port. */
  SipTcpClient(String source) throws IOException {
    this.source = source;
    socket.bind(new InetSocketAddress(source, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", SipExtensions.sipPort()), 3000);
  }

  String source() {
    return source;
  }

  int localPort() {
    return socket.getLocalPort();
  }

  /** Writes {@code text}; false when the server had ended the connection. */
  boolean write(String text) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes {@code text} and reads the head of its answer (these answers carry no body). */
  String exchange(String text) throws IOException {
    write(text);
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }

  /**
   * The next whole message on the connection (head and the body its Content-Length announces), or
   * empty when none came within {@code millis}.
   */
  java.util.Optional<String> read(int millis) throws IOException {
    socket.setSoTimeout(millis);
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    try {
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return java.util.Optional.empty();
        }
        if (head.isEmpty() && (c == '\r' || c == '\n')) {
          continue; // a keep-alive
        }
        head.append((char) c);
      }
    } catch (SocketTimeoutException e) {
      return java.util.Optional.empty();
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
        length = Integer.parseInt(line.substring(colon + 1).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    return java.util.Optional.of(head + new String(body, StandardCharsets.ISO_8859_1));
  }

  /** An OPTIONS keep-alive from this connection's source, and its answer. */
  String options() throws IOException {
    return exchange(options("TCP " + source + ":5099", "SIP/2.0", "Phone/1.0"));
  }

  /** Whether the server ends the connection (end of stream or reset) within {@code millis}. */
  boolean endedByServer(int millis) throws IOException {
    return endedByServer(socket, millis);
  }

  static boolean endedByServer(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /**
   * An OPTIONS request with a fresh branch, tag and Call-ID.
   *
   * @param via the Via's transport and sent-by, e.g. {@code UDP 127.0.0.61:40000}
   * @param version the request line's SIP version
   * @param agent the User-Agent
   */
  static String options(String via, String version, String agent) {
    String id = SipUdpClient.newId();
    return "OPTIONS sip:100@dialtone.invalid "
        + version
        + "\r\n"
        + "Via: SIP/2.0/"
        + via
        + ";branch=z9hG4bK"
        + id
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:100@dialtone.invalid>;tag="
        + id
        + "\r\n"
        + "To: <sip:100@dialtone.invalid>\r\n"
        + "Call-ID: "
        + id
        + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "User-Agent: "
        + agent
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
