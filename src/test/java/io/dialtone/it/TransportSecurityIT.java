package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SECURITY.md H: HTTPS only, TLS 1.2 and 1.3 only, no weak ciphers; plain HTTP redirects. The test
 * JVM's own TLS restrictions are lifted (src/test/resources/tls-test-client.security), so the
 * client really offers the old protocols and the refusal is the server's.
 */
@ExtendWith(RunningDialtone.class)
class TransportSecurityIT {

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1", "TLSv1.1"})
  void oldProtocolsAreRefusedByTheServer(String protocol, DialtoneServer server)
      throws IOException {
    try (SSLSocket socket = socket(protocol, server)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(
          new String[] {
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA"
          });
      assertThat(socket.getEnabledProtocols()).containsExactly(protocol);
      assertThatThrownBy(socket::startHandshake)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageNotContaining("No appropriate protocol");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void currentProtocolsAreAccepted(String protocol, DialtoneServer server) throws IOException {
    try (SSLSocket socket = socket(protocol, server)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      assertThat(socket.getSession().getCipherSuite()).containsAnyOf("_GCM_", "CHACHA20");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"
      })
  void weakCipherSuitesAreRefused(String suite, DialtoneServer server) throws IOException {
    try (SSLSocket socket = socket("TLSv1.2", server)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {suite});
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void plainHttpRedirectsToHttps(DialtoneServer server) {
    var response = Https.get(server.httpUrl() + "/signin.xhtml");
    assertThat(response.statusCode()).isIn(301, 302, 307, 308);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("https://localhost:" + server.httpsPort() + "/signin.xhtml");
  }

  private static SSLSocket socket(String protocol, DialtoneServer server) throws IOException {
    var context = Https.trustingContext(protocol.equals("TLSv1.3") ? "TLSv1.3" : "TLS");
    return (SSLSocket) context.getSocketFactory().createSocket("localhost", server.httpsPort());
  }
}
