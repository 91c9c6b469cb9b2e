package io.dialtone.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 written by hand, for what Java's HTTP client will not send (a forged {@code Host}
 * header): one request per connection, the answer's status line and headers kept.
 */
final class RawHttp {

  private RawHttp() {}

  /** The answer's status and headers ("Name: value" lines). */
  record Answer(int status, List<String> headers) {
    Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .findFirst();
    }
  }

  static Answer https(int port, String path, String host, String... extraHeaders) {
    try (SSLSocket socket =
        (SSLSocket)
            Https.trustingContext("TLS").getSocketFactory().createSocket("localhost", port)) {
      socket.startHandshake();
      return exchange(socket, path, host, extraHeaders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer http(int port, String path, String host) {
    try (Socket socket = new Socket("localhost", port)) {
      return exchange(socket, path, host);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer exchange(Socket socket, String path, String host, String... extraHeaders)
      throws IOException {
    socket.setSoTimeout(30_000);
    StringBuilder request =
        new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    List<String> lines = headerLines(socket.getInputStream());
    int status = Integer.parseInt(lines.getFirst().split(" ")[1]);
    return new Answer(status, new ArrayList<>(lines.subList(1, lines.size())));
  }

  private static List<String> headerLines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        if (text.isEmpty()) {
          break;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
    }
    return lines;
  }
}
