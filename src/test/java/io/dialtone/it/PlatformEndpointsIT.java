package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application server's own endpoints: no metrics (heap, threads, CPU), no OpenAPI document and
 * no Jersey WADL (it names the Jersey version) for anyone, a signed-in customer user included; the
 * public health answer says up or down and nothing else (no check names, no database product).
 */
@ExtendWith(RunningDialtone.class)
class PlatformEndpointsIT {

  private static final List<String> PLATFORM_PATHS =
      List.of(
          "/metrics",
          "/metrics/base",
          "/metrics?scope=base",
          "/openapi",
          "/openapi/",
          "/openapi/application.wadl",
          "/application.wadl");

  @Test
  void aSignedInCustomerUserGetsNoMetricsOpenApiOrWadl(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    TestUsers.SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      String cookie = Browser.SESSION_COOKIE + "=" + browser.sessionCookie();
      // The session is a real one: it opens the user's home page.
      assertThat(get(server, "/home.xhtml", cookie).statusCode()).isEqualTo(200);

      for (String path : PLATFORM_PATHS) {
        HttpResponse<String> answer = get(server, path, cookie);
        assertThat(answer.statusCode()).as(path).isEqualTo(404);
        assertPlatformDetailsAbsent(path, answer.body());
      }
    }
  }

  @Test
  void anonymousVisitorsGetNoMetricsOpenApiOrWadl(DialtoneServer server) {
    for (String path : PLATFORM_PATHS) {
      HttpResponse<String> answer = Https.get(server.baseUrl() + path);
      assertThat(answer.statusCode()).as(path).isIn(302, 404);
      assertPlatformDetailsAbsent(path, answer.body());
    }
  }

  @Test
  void theHealthAnswerIsUpAndNothingElse(DialtoneServer server) {
    for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
      HttpResponse<String> answer = Https.get(server.baseUrl() + path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body().strip()).as(path).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  private static void assertPlatformDetailsAbsent(String path, String body) {
    assertThat(body)
        .as(path)
        .doesNotContainIgnoringCase("jersey")
        .doesNotContainIgnoringCase("wadl")
        .doesNotContain("openapi:", "memory", "thread_count", "cpu", "jvm");
  }

  private static HttpResponse<String> get(DialtoneServer server, String path, String cookie) {
    return Https.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Cookie", cookie)
            .GET()
            .build());
  }
}
