package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SECURITY.md A5, A7, B1, B3 and C5 in a real browser, each test with a user of its own. */
@ExtendWith(RunningDialtone.class)
class SignInSecurityIT {

  @Test
  void aReplayedTotpCodeIsRefusedAndTheUserIsTold(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      signInWithPassword(browser, user, user.password());
      long step = Totp.stepLastingAtLeast(15); // accepted 45 s or more: both tries in its window
      browser.type("mfa:code", Totp.codeAt(user.totpSecret(), step));
      browser.submit("mfa:verify");
      assertThat(browser.path()).isEqualTo("/home.xhtml");
      browser.submit("signOutForm:signOut");

      signInWithPassword(browser, user, user.password());
      browser.type("mfa:code", Totp.codeAt(user.totpSecret(), step));
      browser.submit("mfa:verify");

      assertThat(browser.path()).isEqualTo("/mfa.xhtml");
      assertThat(browser.pageText()).contains("already used");
      assertThat(
              new TestUsers(server)
                  .queryValue(
                      "SELECT COUNT(*) FROM audit_event WHERE action = 'TOTP_REPLAY' AND actor = ?",
                      "user:" + user.id()))
          .isEqualTo(1L);
    }
  }

  @Test
  void aSessionThatPassedOnlyThePasswordReachesNothingButTheMfaStep(DialtoneServer server) {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      signInWithPassword(browser, user, user.password());

      browser.open("/home.xhtml");

      assertThat(browser.path()).isEqualTo("/mfa.xhtml");
      assertThat(browser.isPresent("#dashboard")).isFalse();
    }
  }

  @Test
  void anUnauthenticatedDeepLinkLandsOnTheSignInPage(DialtoneServer server) {
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open("/home.xhtml");

      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.isPresent("#dashboard")).isFalse();
    }
  }

  @Test
  void afterTenFailuresEvenTheRightPasswordIsRefused(DialtoneServer server) {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      for (int attempt = 1; attempt <= 10; attempt++) {
        signInWithPassword(browser, user, "Wrong-password-" + attempt);
        assertThat(browser.path()).isEqualTo("/signin.xhtml");
      }

      signInWithPassword(browser, user, user.password());

      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.pageText()).contains("Sign-in failed");
      TestUsers db = new TestUsers(server);
      assertThat(
              db.queryValue(
                  "SELECT locked_until > UTC_TIMESTAMP(6) + INTERVAL 29 MINUTE FROM app_user WHERE id = ?",
                  user.id()))
          .isIn(1, 1L, true);
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' AND actor = ?",
                  "user:" + user.id()))
          .isEqualTo(1L);
    }
  }

  @Test
  void anUnknownUserGetsTheSameAnswerAsAWrongPassword(DialtoneServer server) {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      signInWithPassword(browser, user, "Wrong-password-1");
      String wrongPassword = browser.text("[id$='messages']");

      browser.open("/signin.xhtml");
      browser.type("signin:email", "nobody-" + user.email());
      browser.type("signin:password", "Wrong-password-1");
      browser.submit("signin:submit");

      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.text("[id$='messages']")).isEqualTo(wrongPassword).isNotBlank();
    }
  }

  @Test
  void aFormPostedAfterTheSessionExpiredReloadsThePageWithANotice(DialtoneServer server) {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      browser.open("/signin.xhtml");
      browser.type("signin:email", user.email());
      browser.type("signin:password", user.password());
      browser.driver().manage().deleteAllCookies(); // what 15 idle minutes do to the session

      browser.submit("signin:submit");

      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.text("#viewExpired")).contains("expired");
      assertThat(browser.pageText()).doesNotContain("Something went wrong");
    }
  }

  private static void signInWithPassword(Browser browser, SeededUser user, String password) {
    browser.open("/signin.xhtml");
    browser.type("signin:email", user.email());
    browser.type("signin:password", password);
    browser.submit("signin:submit");
  }
}
