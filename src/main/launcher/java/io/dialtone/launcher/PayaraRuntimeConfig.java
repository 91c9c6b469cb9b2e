package io.dialtone.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The Payara Micro settings that are not the application's: TLS protocols and ciphers on the HTTPS
 * listener, HSTS on every HTTPS answer, the public host name in the container's own redirects, no
 * version headers, no TRACE, no metrics or OpenAPI endpoints, and the keystore. Written to the
 * Dialtone home (the system-properties file holds the keystore password, so it is owner-readable
 * only).
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

  /** Text answers worth compressing; images and fonts are compressed already. */
  static final String COMPRESSED =
      String.join(
          ",",
          "text/html",
          "text/css",
          "text/javascript",
          "application/javascript",
          "application/json",
          "text/csv",
          "text/plain",
          "image/svg+xml");

  private static final String PROTOCOLS =
      "configs.config.server-config.network-config.protocols.protocol.";

  private static final String METRICS =
      "configs.config.server-config.microprofile-metrics-configuration.";

  /**
   * Payara adds its metrics and OpenAPI servlets only to applications of the virtual servers listed
   * in their configuration: a name that is none of Payara Micro's (its one is "server").
   */
  private static final String NO_VIRTUAL_SERVER = "none";

  private PayaraRuntimeConfig() {}

  /**
   * Payara 7 has no SSLv3/TLS 1.0/1.1 switches any more (and the JDK disables those protocols);
   * enabling exactly 1.2 and 1.3 here keeps that true even where a JDK's defaults differ. Payara
   * sends no X-Powered-By header by default. Applied before boot: changing the SSL settings of a
   * started listener restarts it, and Payara Micro 7 then loses the HTTPS listener.
   *
   * <p>The container builds the absolute URL of its own redirects (a folder to its slash, the
   * sign-in redirect) from the request's Host header unless the listener has a server name: both
   * listeners get the public URL's host, so a forged Host cannot send a visitor elsewhere. (Its
   * HTTP-to-HTTPS redirect copies the Host header whatever the server name, so the application does
   * that redirect itself: HttpsOnlyFilter.) The application's filter cannot add HSTS to answers the
   * container gives before any filter runs (those redirects, its own error answers), so the HTTPS
   * listener adds it too; the application's longer max-age wins where both apply, as Payara keeps a
   * header already set.
   *
   * <p>Payara Micro registers its metrics (heap, threads, CPU) and OpenAPI servlets (with Jersey's
   * WADL, which names the Jersey version) inside the application deployed at the root context, so
   * any signed-in user could read them: Dialtone uses neither, so both are off and not registered
   * at all (the set-metrics-configuration command cannot run before boot; the dotted names can).
   * Health stays: the application's HealthAnswerFilter reduces its answer to up or down.
   *
   * <p>The HTTPS listener compresses text answers (pages, scripts, style sheets, CSV) of 1 kB or
   * more with gzip for clients that accept it: the container's own compression, no filter. Its
   * HTTP/2 implementation compresses nothing (a browser got 1.6 MB for the home page), so the
   * listener speaks HTTP/1.1, where it does (a dozen resources per page need no multiplexing).
   * Pages carry secrets (the view state, the CSP nonce), which compression could leak to an
   * attacker who can both inject text into a page and measure its size (BREACH); the session cookie
   * is SameSite=Strict, so a third-party site cannot make the signed-in requests such an attack
   * needs.
   *
   * <p>TransportSecurityIT, ContainerRedirectsIT, PlatformEndpointsIT and WebBaselineIT check all
   * of it.
   */
  static Path preBootCommands(DialtoneHome home, URI publicUrl) {
    String https = PROTOCOLS + "https-listener.";
    String http = PROTOCOLS + "http-listener.";
    String host = publicUrl.getHost();
    int port = publicUrl.getPort() == -1 ? 443 : publicUrl.getPort();
    String commands =
        String.join(
            "\n",
            "set " + https + "ssl.tls12-enabled=true",
            "set " + https + "ssl.tls13-enabled=true",
            "set " + https + "ssl.ssl3-tls-ciphers=" + CIPHERS,
            "set " + https + "ssl.hsts-enabled=true",
            "set " + https + "ssl.hsts-subdomains=true",
            "set " + https + "http.server-name=" + host + ":" + port,
            "set " + https + "http.server-header=false",
            "set " + https + "http.trace-enabled=false",
            "set " + http + "http.server-name=" + host,
            "set " + http + "http.server-header=false",
            "set " + http + "http.trace-enabled=false",
            "set " + https + "http.http2-enabled=false",
            "set " + https + "http.compression=on",
            "set " + https + "http.compressable-mime-type=" + COMPRESSED,
            "set " + https + "http.compression-min-size-bytes=1024",
            "set " + METRICS + "enabled=false",
            "set " + METRICS + "virtual-servers=" + NO_VIRTUAL_SERVER,
            "set-openapi-configuration --enabled=false --virtualServers=" + NO_VIRTUAL_SERVER,
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
