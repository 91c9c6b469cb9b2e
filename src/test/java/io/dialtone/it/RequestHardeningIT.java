package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a browser never sends, answered before anything runs and with Dialtone's own pages: a
 * form post without the page's CSP nonce (400, the sign-in not attempted), methods other than GET,
 * HEAD and POST (405 with {@code Allow}), and the Faces flash cookie under the session cookie's
 * rules (SECURITY.md C4, G4, G6).
 */
@ExtendWith(RunningDialtone.class)
class RequestHardeningIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CSP_NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
  private static final String BAD_REQUEST = "Request not processed";
  private static final String NOT_ALLOWED = "Request not supported";

  @Test
  void aSignInPostWithoutTheCspNonceIsRefusedBeforeTheSignInRuns(DialtoneServer server) {
    Form form = new Form(server);
    String email = email();

    HttpResponse<String> refused = form.postSignIn(email, null, false);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains(BAD_REQUEST).doesNotContain("CspException", "CSP nonce");
    assertThat(failedSignIns(server, email)).as("the sign-in never ran").isZero();

    HttpResponse<String> accepted = form.postSignIn(email, form.nonce, false);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(failedSignIns(server, email)).as("the same post with the nonce runs").isOne();
  }

  @Test
  void aSignInPostWithAnotherPagesNonceIsRefusedToo(DialtoneServer server) {
    Form form = new Form(server);
    String email = email();

    HttpResponse<String> refused = form.postSignIn(email, new Form(server).nonce, false);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(failedSignIns(server, email)).isZero();
  }

  @Test
  void anAjaxPostWithoutTheCspNonceIsRefusedWithoutNamingAClass(DialtoneServer server) {
    Form form = new Form(server);
    String email = email();

    HttpResponse<String> refused = form.postSignIn(email, null, true);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("CspException", "CSP nonce", "<error-name>");
    assertThat(failedSignIns(server, email)).isZero();

    HttpResponse<String> accepted = form.postSignIn(email, form.nonce, true);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).contains("<partial-response");
    assertThat(failedSignIns(server, email)).isOne();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "PATCH", "PROPFIND", "OPTIONS", "FOO"})
  void methodsOtherThanGetHeadAndPostGet405AndDialtonesPage(String method, DialtoneServer server) {
    for (String path :
        new String[] {"/signin.xhtml", "/jakarta.faces.resource/core.js.xhtml?ln=primefaces"}) {
      assertMethodNotAllowed(Https.send(request(server, path, method, "en").build()), method);
    }
  }

  @Test
  void aSignedInUserGets405ForOtherMethodsOnProtectedPages(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    TestUsers.SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    String session;
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      session = browser.sessionCookie();
    }
    for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
      HttpResponse<String> answer =
          Https.send(
              request(server, "/home.xhtml", method, "en")
                  .header("Cookie", Browser.SESSION_COOKIE + "=" + session)
                  .build());
      assertMethodNotAllowed(answer, method);
    }
  }

  private static void assertMethodNotAllowed(HttpResponse<String> answer, String method) {
    String what = method + " " + answer.uri().getPath();
    assertThat(answer.statusCode()).as(what).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).as(what).hasValue("GET, HEAD, POST");
    assertThat(answer.body()).as(what).contains(NOT_ALLOWED).doesNotContainIgnoringCase("payara");
  }

  @Test
  void the405PageSpeaksTheVisitorsLanguage(DialtoneServer server) {
    HttpResponse<String> answer = Https.send(request(server, "/signin.xhtml", "PUT", "fr").build());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.body()).contains("Demande non prise en charge");
  }

  @Test
  void getHeadAndPostStillServePages(DialtoneServer server) {
    for (String method : new String[] {"GET", "HEAD"}) {
      assertThat(Https.send(request(server, "/signin.xhtml", method, "en").build()).statusCode())
          .as(method)
          .isEqualTo(200);
    }
    Form form = new Form(server);
    assertThat(form.postSignIn(email(), form.nonce, false).statusCode()).isEqualTo(200);
  }

  @Test
  void theFlashCookieHasTheHostPrefixAndSameSiteStrictAndIsReadBack(DialtoneServer server) {
    Form form = new Form(server);

    // A post to a view the server no longer knows: the answer redirects and keeps a notice for the
    // next page in the flash, Faces' only use of its cookie.
    HttpResponse<String> expired = form.post(form.fields("stale:view", form.nonce), false);

    assertThat(expired.statusCode()).isEqualTo(302);
    assertThat(expired.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("csfcfc"))
        .filteredOn(cookie -> cookie.startsWith("__Host-DIALTONE-FLASH="))
        .singleElement()
        .satisfies(
            cookie ->
                assertThat(cookie)
                    .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict")
                    .doesNotContainIgnoringCase("domain="));
    HttpResponse<String> next = form.get(expired.headers().firstValue("Location").orElseThrow());
    assertThat(next.body())
        .as("the notice came through the renamed cookie")
        .contains("Your page expired");
  }

  private static long failedSignIns(DialtoneServer server, String email) {
    return ((Number)
            new TestUsers(server)
                .queryValue(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED'"
                        + " AND detail = ?",
                    "unknown e-mail " + email))
        .longValue();
  }

  private static String email() {
    return "nonce-" + UUID.randomUUID() + "@example.test";
  }

  private static HttpRequest.Builder request(
      DialtoneServer server, String path, String method, String language) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Accept-Language", language)
        .method(method, HttpRequest.BodyPublishers.noBody());
  }

  /** The sign-in page as a browser session sees it: its cookies, view state and nonce. */
  private static final class Form {

    private final HttpClient http;
    private final String url;
    private final String viewState;
    final String nonce;

    Form(DialtoneServer server) {
      try {
        http =
            HttpClient.newBuilder()
                .sslContext(Https.trustingContext("TLS"))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName(Https.randomLoopback()))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
      // The public host: redirects name it, and the cookies must go back to where they lead.
      url = server.baseUrl() + "/signin.xhtml";
      String page = get(url).body();
      viewState = group(VIEW_STATE, page);
      nonce = group(CSP_NONCE, page);
    }

    HttpResponse<String> postSignIn(String email, String nonce, boolean ajax) {
      Map<String, String> fields = fields(viewState, nonce);
      fields.put("signin:email", email);
      fields.put("signin:password", "Not-the-password-42");
      if (ajax) {
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "signin:submit");
        fields.put("jakarta.faces.partial.execute", "signin");
        fields.put("jakarta.faces.partial.render", "signin");
      }
      return post(fields, ajax);
    }

    Map<String, String> fields(String viewState, String nonce) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("signin", "signin");
      fields.put("signin:email", "someone@example.test");
      fields.put("signin:password", "Not-the-password-42");
      fields.put("signin:submit", "");
      fields.put("jakarta.faces.ViewState", viewState);
      if (nonce != null) {
        fields.put("primefaces.nonce", nonce);
      }
      return fields;
    }

    HttpResponse<String> post(Map<String, String> fields, boolean ajax) {
      String body =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept-Language", "en")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (ajax) {
        request
            .header("Faces-Request", "partial/ajax")
            .header("X-Requested-With", "XMLHttpRequest");
      }
      return send(request.build());
    }

    HttpResponse<String> get(String address) {
      return send(
          HttpRequest.newBuilder(URI.create(address)).header("Accept-Language", "en").build());
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String group(Pattern pattern, String page) {
      Matcher m = pattern.matcher(page);
      assertThat(m.find()).as(pattern + " in the sign-in page").isTrue();
      return m.group(1);
    }
  }
}
