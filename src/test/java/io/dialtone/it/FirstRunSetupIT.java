package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.launcher.DialtoneServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The newcomer's journey in a real browser, from an empty database: the printed one-time link,
 * password, TOTP enrolment from the secret the page offers, recovery codes, sign-in with both
 * factors (a new session id after each), the French version of the page, the translated 404 page,
 * and sign-out (the old session id opens nothing) — and no secret of the journey in the server log.
 */
class FirstRunSetupIT {

  /** Its own server: other tests seed administrators, and setup needs a database without one. */
  private static DialtoneServer server;

  @BeforeAll
  static void startFromAnEmptyDatabase() {
    server =
        RunningDialtone.startServer(
            Map.of(
                "DIALTONE_HOME", RunningDialtone.serverHome("first-run").toString(),
                "DIALTONE_HTTP_PORT", "19080",
                "DIALTONE_HTTPS_PORT", "19443",
                "DIALTONE_EMBEDDED_DB_PORT", "3319"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String EMAIL = "platform-admin@example.test";
  private static final String PASSWORD = "Blue-Lobster-Orbit-2026";

  @Test
  void administratorSetsUpSignsInInFrenchAndSignsOut() throws InterruptedException {
    String link = server.setupLink(Duration.ofSeconds(30)).orElseThrow();
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open(link);
      assertThat(browser.text("h1")).isEqualTo("Set up Dialtone");

      browser.type("account:email", EMAIL);
      browser.type("account:displayName", "Ada Admin");
      browser.type("account:newPassword", "short1");
      browser.type("account:confirmation", "short1");
      browser.submit("account:next");
      assertThat(browser.pageText()).contains("at least 12 characters");

      browser.type("account:newPassword", PASSWORD);
      browser.type("account:confirmation", PASSWORD);
      browser.submit("account:next");
      assertThat(browser.find("#totp\\:qr").getDomAttribute("src"))
          .startsWith("data:image/png;base64,");
      String secret = browser.text("#totpSecret");
      assertThat(secret).matches("[A-Z2-7]{32,}");

      browser.type("totp:code", Totp.freshCode(secret));
      browser.submit("totp:confirm");
      assertThat(browser.findAll("#recoveryCodes li")).hasSizeGreaterThanOrEqualTo(10);

      browser.open(link);
      assertThat(browser.find("#invalidLink").getText()).contains("not valid");

      List<String> recoveryCodes =
          browser.findAll("#recoveryCodes li").stream().map(WebElement::getText).toList();

      browser.open("/signin.xhtml");
      String anonymousSession = browser.sessionCookie();
      browser.type("signin:email", EMAIL);
      browser.type("signin:password", PASSWORD);
      browser.submit("signin:submit");
      assertThat(browser.path()).isEqualTo("/mfa.xhtml");
      String passwordOnlySession = browser.sessionCookie();
      assertThat(passwordOnlySession).isNotEqualTo(anonymousSession);

      browser.type("mfa:code", Totp.freshCode(secret));
      browser.submit("mfa:verify");
      assertThat(browser.path()).isEqualTo("/home.xhtml");
      String signedInSession = browser.sessionCookie();
      assertThat(signedInSession).isNotEqualTo(passwordOnlySession);
      assertThat(browser.text("#welcome")).contains("Ada Admin");
      assertThat(browser.text("#accountName")).isEqualTo("Dialtone platform");
      assertThat(browser.text("[id$='activity']")).contains("Signed in (authenticator code)");

      browser.useLanguage("fr");
      assertThat(browser.text("h1")).isEqualTo("Accueil");
      assertThat(browser.text("[id$='activity']")).contains("Connecté (code d’authentificateur)");

      browser.open("/no-such-page.xhtml");
      assertThat(browser.text("h1")).isEqualTo("Page introuvable");
      assertThat(browser.pageText()).doesNotContain("Exception", "at io.");

      browser.open("/home.xhtml");
      browser.submit("signOutForm:signOut");
      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      browser.open("/home.xhtml");
      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(homeWithCookie(server, signedInSession).statusCode()).isEqualTo(302);

      List<String> secrets =
          new ArrayList<>(
              List.of(PASSWORD, secret, anonymousSession, passwordOnlySession, signedInSession));
      secrets.addAll(recoveryCodes);
      for (String value : secrets) {
        assertThat(server.consoleLines(Pattern.compile(Pattern.quote(value))))
            .as("log lines with a secret")
            .isEmpty();
      }
    }
  }

  /** The signed-out session id, replayed by another client, opens nothing (SECURITY.md C5). */
  private static HttpResponse<String> homeWithCookie(DialtoneServer server, String sessionId) {
    return Https.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/home.xhtml"))
            .header("Cookie", Browser.SESSION_COOKIE + "=" + sessionId)
            .GET()
            .build());
  }
}
