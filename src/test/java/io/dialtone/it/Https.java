package io.dialtone.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Test-only HTTP client for the local server's self-signed certificate: it trusts any certificate
 * (tests connect to localhost only) and never follows redirects, so tests see them.
 */
final class Https {

  private Https() {}

  static SSLContext trustingContext(String protocol) {
    try {
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .sslContext(trustingContext("TLS"))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A 127.x.y.z source address of its own, so per-IP throttling counts one test alone. */
  static String randomLoopback() {
    SecureRandom random = new SecureRandom();
    return "127."
        + (1 + random.nextInt(250))
        + "."
        + random.nextInt(250)
        + "."
        + (2 + random.nextInt(250));
  }

  /** A GET sent from the loopback address {@code sourceIp}. */
  static HttpResponse<String> getFrom(String sourceIp, String url) {
    try {
      return HttpClient.newBuilder()
          .sslContext(trustingContext("TLS"))
          .followRedirects(HttpClient.Redirect.NEVER)
          .localAddress(java.net.InetAddress.getByName(sourceIp))
          .connectTimeout(Duration.ofSeconds(10))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
