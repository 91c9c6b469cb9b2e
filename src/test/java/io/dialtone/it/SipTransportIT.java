package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registrar's transports (SECURITY.md D7): OPTIONS answered over TCP and over TLS 1.2 and 1.3
 * on the next port with the portal's certificate; TLS 1.0 and 1.1 refused by the server (the test
 * JVM's client may offer them, see tls-test-client.security).
 */
@ExtendWith(RunningDialtone.class)
class SipTransportIT {

  private static final String OPTIONS =
      "OPTIONS sip:100@dialtone.invalid SIP/2.0\r\n"
          + "Via: SIP/2.0/%s 127.0.0.1:5099;branch=z9hG4bK%s\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: <sip:100@dialtone.invalid>;tag=t1\r\n"
          + "To: <sip:100@dialtone.invalid>\r\n"
          + "Call-ID: %s\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "User-Agent: Phone/1.0\r\n"
          + "Content-Length: 0\r\n\r\n";

  @Test
  void optionsOverTcp(DialtoneServer server) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", SipExtensions.sipPort()), 3000);
      assertThat(exchange(socket, "TCP")).startsWith("SIP/2.0 200 OK");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void optionsOverModernTls(String protocol, DialtoneServer server) throws IOException {
    try (SSLSocket socket = tls(protocol)) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      assertThat(exchange(socket, "TLS")).startsWith("SIP/2.0 200 OK");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1", "TLSv1.1"})
  void oldTlsIsRefused(String protocol, DialtoneServer server) throws IOException {
    try (SSLSocket socket = tls(protocol)) {
      socket.setEnabledCipherSuites(
          new String[] {
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
          });
      assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
    }
  }

  private static SSLSocket tls(String protocol) throws IOException {
    SSLSocket socket =
        (SSLSocket)
            Https.trustingContext("TLS")
                .getSocketFactory()
                .createSocket("127.0.0.1", SipExtensions.sipPort() + 1);
    socket.setSoTimeout(5000);
    socket.setEnabledProtocols(new String[] {protocol});
    return socket;
  }

  private static String exchange(Socket socket, String transport) throws IOException {
    String id = SipUdpClient.newId();
    OutputStream out = socket.getOutputStream();
    out.write(String.format(OPTIONS, transport, id, id).getBytes(StandardCharsets.UTF_8));
    out.flush();
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (!text.toString().contains("\r\n\r\n")) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
