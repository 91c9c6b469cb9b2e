package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container's own answers (HTTP to HTTPS, a folder to its slash, the sign-in redirect, error
 * pages) never send a visitor to the host a request's Host header names, only to the configured
 * public host (the shared server's public URL is {@code https://localhost:<https port>}); every
 * HTTPS answer carries HSTS, including those the container gives before any filter runs.
 */
@ExtendWith(RunningDialtone.class)
class ContainerRedirectsIT {

  private static final String FORGED = "evil.example";

  @ParameterizedTest
  @ValueSource(strings = {"/", "/home.xhtml", "/accounts", "/WEB-INF/web.xml", "/no-such-page"})
  void httpsAnswersToAForgedHostStayOnThePublicHostAndCarryHsts(
      String path, DialtoneServer server) {
    for (String host : new String[] {FORGED, FORGED + ":" + server.httpsPort()}) {
      RawHttp.Answer answer = RawHttp.https(server.httpsPort(), path, host);

      assertThat(answer.header("Strict-Transport-Security"))
          .as("HSTS on %s (Host: %s), status %s", path, host, answer.status())
          .hasValueSatisfying(hsts -> assertThat(maxAge(hsts)).isGreaterThanOrEqualTo(31_536_000));
      answer
          .header("Location")
          .ifPresent(
              location ->
                  assertThat(URI.create(location).getHost())
                      .as("Location of %s (Host: %s)", path, host)
                      .isEqualTo("localhost"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/signin.xhtml", "/accounts", "/home.xhtml"})
  void httpAnswersToAForgedHostNeverRedirectThere(String path, DialtoneServer server) {
    for (String host : new String[] {FORGED, FORGED + ":" + server.httpPort()}) {
      RawHttp.Answer answer = RawHttp.http(server.httpPort(), path, host);

      answer
          .header("Location")
          .ifPresent(
              location ->
                  assertThat(URI.create(location).getHost())
                      .as("Location of %s (Host: %s)", path, host)
                      .isEqualTo("localhost"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/signin.xhtml", "/forgot.xhtml?lang=fr"})
  void httpStillRedirectsTheRealHostToHttps(String path, DialtoneServer server) {
    RawHttp.Answer answer = RawHttp.http(server.httpPort(), path, "localhost:" + server.httpPort());

    assertThat(answer.status()).isIn(301, 302, 307, 308);
    assertThat(answer.header("Location"))
        .hasValue("https://localhost:" + server.httpsPort() + path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/accounts", "/home.xhtml"})
  void theContainersOwnRedirectsCarryHsts(String path, DialtoneServer server) {
    RawHttp.Answer answer =
        RawHttp.https(server.httpsPort(), path, "localhost:" + server.httpsPort());

    assertThat(answer.status()).isIn(301, 302);
    assertThat(answer.header("Location")).isPresent();
    assertThat(answer.header("Strict-Transport-Security")).isPresent();
  }

  private static long maxAge(String hsts) {
    return Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1"));
  }
}
