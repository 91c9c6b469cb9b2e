package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

  /**
   * CBC suites with the ECDHE_ECDSA key exchange the server's EC certificate supports, so a server
   * that allowed them would agree on them ({@link #aServerWithAnEcKeyThatAllowedCbcWouldAgree}
   * shows it): the refusal is the cipher list's.
   */
  private static final String[] CBC_SUITES = {
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"
  };

  @ParameterizedTest
  @MethodSource("cbcSuites")
  void cbcSuitesAreRefused(String suite, DialtoneServer server) throws IOException {
    try (SSLSocket socket = socket("TLSv1.2", server)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {suite});
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
    }
  }

  /** The control of the case above: a JDK server with an EC key and every suite agrees. */
  @ParameterizedTest
  @MethodSource("cbcSuites")
  void aServerWithAnEcKeyThatAllowedCbcWouldAgree(String suite, @TempDir Path dir)
      throws Exception {
    SSLContext ec = EcServerContext.create(dir);
    try (SSLServerSocket listener =
        (SSLServerSocket) ec.getServerSocketFactory().createServerSocket(0)) {
      listener.setEnabledCipherSuites(listener.getSupportedCipherSuites());
      var accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket peer = (SSLSocket) listener.accept()) {
                  peer.startHandshake();
                  return peer.getSession().getCipherSuite();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      try (SSLSocket socket =
          (SSLSocket)
              Https.trustingContext("TLS")
                  .getSocketFactory()
                  .createSocket("localhost", listener.getLocalPort())) {
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.setEnabledCipherSuites(new String[] {suite});
        socket.startHandshake();
        assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
      }
      assertThat(accepted.get(30, TimeUnit.SECONDS)).isEqualTo(suite);
    }
  }

  static Stream<String> cbcSuites() {
    return Stream.of(CBC_SUITES);
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
