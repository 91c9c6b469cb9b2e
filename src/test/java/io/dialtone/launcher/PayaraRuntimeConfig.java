package io.dialtone.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Payara Micro settings that are not the application's: TLS protocols and ciphers on the HTTPS
 * listener, no version headers, no TRACE, and the keystore. Written to the Dialtone home (the
 * system-properties file holds the keystore password, so it is owner-readable only).
 */
final class PayaraRuntimeConfig {

  /** TLS 1.3 suites and TLS 1.2 ECDHE suites with AEAD ciphers only: forward secrecy, no CBC. */
  static final String CIPHERS =
      String.join(
          ",",
          "+TLS_AES_256_GCM_SHA384",
          "+TLS_AES_128_GCM_SHA256",
          "+TLS_CHACHA20_POLY1305_SHA256",
          "+TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "+TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "+TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "+TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "+TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "+TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private static final String PROTOCOLS =
      "configs.config.server-config.network-config.protocols.protocol.";

  private PayaraRuntimeConfig() {}

  /**
   * Payara 7 has no SSLv3/TLS 1.0/1.1 switches any more (and the JDK disables those protocols);
   * enabling exactly 1.2 and 1.3 here keeps that true even where a JDK's defaults differ. Payara
   * sends no X-Powered-By header by default. Applied before boot: changing the SSL settings of a
   * started listener restarts it, and Payara Micro 7 then loses the HTTPS listener.
   * TransportSecurityIT checks all of it.
   */
  static Path preBootCommands(DialtoneHome home) {
    String https = PROTOCOLS + "https-listener.";
    String http = PROTOCOLS + "http-listener.";
    String commands =
        String.join(
            "\n",
            "set " + https + "ssl.tls12-enabled=true",
            "set " + https + "ssl.tls13-enabled=true",
            "set " + https + "ssl.ssl3-tls-ciphers=" + CIPHERS,
            "set " + https + "http.server-header=false",
            "set " + https + "http.trace-enabled=false",
            "set " + http + "http.server-header=false",
            "set " + http + "http.trace-enabled=false",
            "");
    Path file = home.file("payara", "pre-boot.asadmin");
    try {
      DialtoneHome.writePrivate(file, commands);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  static Path systemProperties(DialtoneHome home, Path keystore, String password)
      throws IOException {
    Path file = home.file("payara", "system.properties");
    DialtoneHome.writePrivate(
        file,
        String.join(
            "\n",
            "javax.net.ssl.keyStore=" + keystore.toAbsolutePath().toString().replace("\\", "/"),
            "javax.net.ssl.keyStorePassword=" + password,
            "javax.net.ssl.keyStoreType=PKCS12",
            ""));
    return file;
  }
}
