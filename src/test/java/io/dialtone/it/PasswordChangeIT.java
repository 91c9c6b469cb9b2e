package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SECURITY.md A1–A3 and A9 for a signed-in user changing their password, in a real browser. */
@ExtendWith(RunningDialtone.class)
class PasswordChangeIT {

  @Test
  void aRecentPasswordIsRefusedANewOneWorksAndTheUserIsNotified(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String fresh = "Fresh-Phrase-" + UUID.randomUUID().toString().substring(0, 8) + "-77";
    try (Browser browser = new Browser(server.baseUrl())) {
      signIn(browser, user.email(), user.password(), user.totpSecret());

      change(browser, user.password(), user.password());
      assertThat(browser.path()).isEqualTo("/profile/password.xhtml");
      assertThat(browser.text("[id$='messages']")).contains("used this password recently");

      change(browser, "Not-The-Current-1234", fresh);
      assertThat(browser.text("[id$='messages']")).contains("current password is not right");

      change(browser, user.password(), fresh);
      assertThat(browser.path()).isEqualTo("/profile/password.xhtml");
      assertThat(browser.text("[id$='messages']")).contains("Your password was changed");

      TestSmtp.Mail notice =
          TestSmtp.started()
              .await(user.email(), m -> m.subject().equals("Your Dialtone password was changed"));
      assertThat(notice.body())
          .contains("was changed on")
          .doesNotContain(fresh)
          .doesNotContain(user.password());

      browser.submit("signOutForm:signOut");
      signInWithPassword(browser, user.email(), user.password());
      assertThat(browser.path()).isEqualTo("/signin.xhtml");
      assertThat(browser.pageText()).contains("Sign-in failed");

      signInWithPassword(browser, user.email(), fresh);
      assertThat(browser.path()).isEqualTo("/mfa.xhtml");
    }
    TestUsers db = new TestUsers(server);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED'"
                    + " AND result = 'SUCCESS' AND actor = ?",
                "user:" + user.id()))
        .isEqualTo(1L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED'"
                    + " AND result = 'FAILURE' AND actor = ?",
                "user:" + user.id()))
        .isEqualTo(1L);
  }

  @Test
  void aChangeEndsTheUsersOtherSessionsButNotTheOneThatMadeIt(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String fresh = "Other-Sessions-" + UUID.randomUUID().toString().substring(0, 8) + "-31";
    try (Browser here = new Browser(server.baseUrl());
        Browser elsewhere = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(elsewhere, user);
      signIn(here, user.email(), user.password(), user.totpSecret());
      String sessionBefore = here.sessionCookie();

      change(here, user.password(), fresh);
      assertThat(here.text("[id$='messages']")).contains("Your password was changed");
      assertThat(here.sessionCookie()).isNotEqualTo(sessionBefore);

      here.find("#navHome").click();
      here.waitForPath("/home.xhtml");
      elsewhere.find("#navHome").click();
      elsewhere.waitForPath("/signin.xhtml");
    }
  }

  @Test
  void noneOfTheLastFourPasswordsMayComeBackButTheFifthMay(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String first = user.password();
    try (Browser browser = new Browser(server.baseUrl())) {
      signIn(browser, user.email(), user.password(), user.totpSecret());
      String current = first;
      for (int i = 2; i <= 4; i++) { // first -> p2 -> p3 -> p4: first is the 4th last
        String next = "Rotation-" + unique + "-" + i + "x";
        change(browser, current, next);
        assertThat(browser.text("[id$='messages']")).contains("Your password was changed");
        current = next;
      }
      change(browser, current, first);
      assertThat(browser.text("[id$='messages']")).contains("used this password recently");

      String fifth = "Rotation-" + unique + "-5x";
      change(browser, current, fifth); // now first is the 5th last
      change(browser, fifth, first);
      assertThat(browser.text("[id$='messages']")).contains("Your password was changed");
    }
  }

  static void change(Browser browser, String current, String next) {
    browser.open("/profile/password.xhtml");
    browser.type("password:currentPassword", current);
    browser.type("password:newPassword", next);
    browser.type("password:confirmation", next);
    browser.submit("password:submit");
  }

  static void signInWithPassword(Browser browser, String email, String password) {
    browser.open("/signin.xhtml");
    browser.type("signin:email", email);
    browser.type("signin:password", password);
    browser.submit("signin:submit");
  }

  /** Both factors, with a TOTP step no earlier sign-in of this user has used. */
  static void signIn(Browser browser, String email, String password, String totpSecret)
      throws InterruptedException {
    signInWithPassword(browser, email, password);
    assertThat(browser.path()).isEqualTo("/mfa.xhtml");
    browser.type("mfa:code", Totp.freshCode(totpSecret));
    browser.submit("mfa:verify");
    assertThat(browser.path()).isEqualTo("/home.xhtml");
  }
}
