package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Forgot your password?" (SECURITY.md A5–A7, A9, B1) against the running server and its mail: the
 * same answer for any address, a single-use link, no way around the second factor.
 */
@ExtendWith(RunningDialtone.class)
class PasswordResetIT {

  private static final Pattern LINK =
      Pattern.compile("https://\\S+/reset\\.xhtml\\?token=[A-Za-z0-9_-]+");
  private static final String LINK_SUBJECT = "Choose a new Dialtone password";

  @Test
  void knownAndUnknownAddressesGetTheSamePage(DialtoneServer server) throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open("/signin.xhtml");
      browser.submit("forgotPassword");
      assertThat(browser.path()).isEqualTo("/forgot.xhtml");

      requestLink(browser, user.email());
      String knownPath = browser.path();
      String knownText = browser.pageText();

      requestLink(browser, unknown);

      assertThat(browser.path()).isEqualTo(knownPath).isEqualTo("/forgot.xhtml");
      assertThat(browser.pageText()).isEqualTo(knownText).contains("a link to choose");
      assertThat(knownText).doesNotContain(user.email());
    }
    assertThat(TestSmtp.started().await(user.email(), m -> m.subject().equals(LINK_SUBJECT)))
        .isNotNull();
    assertThat(TestSmtp.started().mailsTo(unknown)).isEmpty();
  }

  @Test
  void theMailedLinkSetsANewPasswordOnceAndSignInStillNeedsTotp(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String fresh = "Reset-Phrase-" + UUID.randomUUID().toString().substring(0, 8) + "-31";
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open("/forgot.xhtml");
      requestLink(browser, user.email());
      String link =
          linkFrom(TestSmtp.started().await(user.email(), m -> LINK.matcher(m.body()).find()));

      browser.open(link);
      setPassword(browser, "password1234");
      assertThat(browser.text("[id$='messages']")).contains("too common");
      setPassword(browser, user.password());
      assertThat(browser.text("[id$='messages']")).contains("used this password recently");

      setPassword(browser, fresh);
      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.pageText()).contains("Your password was changed");
      assertThat(browser.isPresent("#dashboard")).isFalse();

      PasswordChangeIT.signInWithPassword(browser, user.email(), fresh);
      assertThat(browser.path()).isEqualTo("/mfa.xhtml");
      browser.open("/home.xhtml");
      assertThat(browser.path()).isEqualTo("/mfa.xhtml");

      browser.open(link);
      assertThat(browser.text("#invalidLink")).contains("not valid");
      assertThat(browser.isPresent("[id='reset:newPassword']")).isFalse();
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      PasswordChangeIT.signIn(browser, user.email(), fresh, user.totpSecret());
    }
    TestSmtp.Mail done =
        TestSmtp.started()
            .await(user.email(), m -> m.subject().equals("Your Dialtone password was reset"));
    assertThat(done.body()).doesNotContain(fresh).doesNotContainPattern(LINK);
    assertThat(
            new TestUsers(server)
                .queryValue(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_COMPLETED'"
                        + " AND result = 'SUCCESS' AND actor = ?",
                    "user:" + user.id()))
        .isEqualTo(1L);
  }

  @Test
  void aNewerLinkVoidsTheOlderOneAndMailsFollowTheUsersLanguage(DialtoneServer server)
      throws Exception {
    SeededUser user = new TestUsers(server).customerAdmin();
    execute(server, "UPDATE app_user SET locale = 'fr' WHERE id = ?", user.id());
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open("/forgot.xhtml");
      requestLink(browser, user.email());
      String older =
          linkFrom(TestSmtp.started().await(user.email(), m -> LINK.matcher(m.body()).find()));
      requestLink(browser, user.email());
      String newer =
          linkFrom(
              TestSmtp.started()
                  .await(
                      user.email(),
                      m -> LINK.matcher(m.body()).find() && !m.body().contains(older)));

      browser.open(older);
      assertThat(browser.isPresent("#invalidLink")).isTrue();
      browser.open(newer);
      assertThat(browser.isPresent("[id='reset:newPassword']")).isTrue();
    }
    TestSmtp.Mail mail = TestSmtp.started().mailsTo(user.email()).getFirst();
    assertThat(mail.subject()).isEqualTo("Choisissez un nouveau mot de passe Dialtone");
    assertThat(mail.body()).contains("Bonjour");
  }

  @Test
  void overHttpKnownAndUnknownAddressesGetTheSameStatusAndSize(DialtoneServer server) {
    SeededUser user = new TestUsers(server).customerAdmin();
    FormClient client = new FormClient(server, randomLoopback());
    HttpResponse<String> known = client.requestLink(user.email());
    HttpResponse<String> unknown =
        client.requestLink("x" + UUID.randomUUID().toString().substring(0, 4) + user.email());

    assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
    assertThat(Math.abs(known.body().length() - unknown.body().length())).isLessThan(40);
    assertThat(messages(unknown.body())).isEqualTo(messages(known.body())).isNotBlank();
  }

  @Test
  void afterTheLimitOneAddressIsThrottledAndAudited(DialtoneServer server) {
    String ip = randomLoopback();
    FormClient client = new FormClient(server, ip);
    for (int i = 0; i < RunningDialtone.FORGOT_LIMIT; i++) {
      HttpResponse<String> answer = client.requestLink("nobody-" + i + "@example.test");
      assertThat(messages(answer.body())).contains("a link to choose");
    }

    HttpResponse<String> refused = client.requestLink("nobody@example.test");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(messages(refused.body())).contains("Too many requests");
    assertThat(
            new TestUsers(server)
                .queryValue(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_THROTTLED'"
                        + " AND source_ip = ?",
                    ip))
        .isEqualTo(1L);
    // Another address is not affected.
    HttpResponse<String> other = new FormClient(server, randomLoopback()).requestLink("a@b.test");
    assertThat(messages(other.body())).contains("a link to choose");
  }

  private static void requestLink(Browser browser, String email) {
    browser.type("forgot:email", email);
    browser.submit("forgot:submit");
  }

  private static void setPassword(Browser browser, String password) {
    browser.type("reset:newPassword", password);
    browser.type("reset:confirmation", password);
    browser.submit("reset:submit");
  }

  private static String linkFrom(TestSmtp.Mail mail) {
    Matcher m = LINK.matcher(mail.body());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  /** The summaries of the global messages in a page, in order. */
  private static String messages(String html) {
    Matcher m =
        Pattern.compile("class=\"ui-messages-(?:info|warn|error)-summary\"[^>]*>([^<]*)<")
            .matcher(html);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      text.append(m.group(1).strip()).append('\n');
    }
    return text.toString().strip();
  }

  private static String randomLoopback() {
    return Https.randomLoopback();
  }

  private static void execute(DialtoneServer server, String sql, Object... params)
      throws SQLException {
    try (var db =
            DriverManager.getConnection(
                server.applicationSetting("DIALTONE_DB_URL"),
                server.applicationSetting("DIALTONE_DB_USER"),
                server.applicationSetting("DIALTONE_DB_PASSWORD"));
        var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  /** Posts the forgot-password form like a browser would, from a chosen loopback address. */
  private static final class FormClient {
    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
    private final HttpClient http;
    private final String url;

    FormClient(DialtoneServer server, String sourceIp) {
      try {
        http =
            HttpClient.newBuilder()
                .sslContext(Https.trustingContext("TLS"))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName(sourceIp))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
      url = "https://127.0.0.1:" + server.httpsPort() + "/forgot.xhtml";
    }

    HttpResponse<String> requestLink(String email) {
      String page = send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body();
      Matcher viewState = VIEW_STATE.matcher(page);
      assertThat(viewState.find()).as("view state in " + page).isTrue();
      Matcher nonce = CSP_NONCE.matcher(page); // PrimeFaces' script adds it to forms (CSP=true)
      assertThat(nonce.find()).as("CSP nonce in " + page).isTrue();
      String form =
          "forgot=forgot&forgot%3Aemail="
              + URLEncoder.encode(email, StandardCharsets.UTF_8)
              + "&forgot%3Asubmit=&jakarta.faces.ViewState="
              + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
              + "&primefaces.nonce="
              + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8);
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build());
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
  }
}
