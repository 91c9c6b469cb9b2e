package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The own security page in a real browser against the running server and its mail (SECURITY.md A5,
 * A9, B3, B5, C5, C6): the step-up prompt, changing the e-mail address, a new authenticator and new
 * recovery codes.
 */
@ExtendWith(RunningDialtone.class)
class OwnSecurityIT {

  private static final String PAGE = "/profile/security.xhtml";
  private static final Pattern CONFIRM_LINK =
      Pattern.compile("https://\\S+/confirm-email\\.xhtml\\?token=[A-Za-z0-9_-]+");

  @Test
  void aWrongPasswordIsRefusedAndCountedThePasswordOrACodeIsAccepted(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    TestUsers db = new TestUsers(server);
    try (Browser browser = new Browser(server.baseUrl())) {
      signIn(browser, user);
      assertThat(browser.find("#navSecurity").getText()).isEqualTo("Security");
      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      assertThat(browser.text("#stepUpTitle")).contains("Confirm it’s you");

      stepUp(browser, "Wrong-Password-1234");
      assertThat(browser.text("[id$='messages']")).contains("This is not right");
      assertThat(browser.isPresent("#recoveryCodes")).isFalse();
      assertThat(db.queryValue("SELECT failed_attempts FROM app_user WHERE id = ?", user.id()))
          .isEqualTo(1);

      stepUp(browser, user.password());
      assertThat(browser.text("[id$='messages']")).contains("Here are your new recovery codes");
      assertThat(browser.findAll("#recoveryCodes li")).hasSize(10);
      assertThat(browser.overlaps("#recoveryCodes"))
          .as("codes side by side, inside their box")
          .isEmpty();
      assertThat(browser.isPresent("#stepUp")).isFalse();

      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      assertThat(browser.isPresent("#stepUp")).as("still within 5 minutes").isFalse();
      assertThat(browser.findAll("#recoveryCodes li")).hasSize(10);
      browser.submit("signOutForm:signOut");

      signIn(browser, user);
      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      assertThat(browser.isPresent("#stepUp")).as("a new sign-in steps up again").isTrue();
      stepUp(browser, Totp.freshCode(user.totpSecret())); // a step neither sign-in used
      assertThat(browser.findAll("#recoveryCodes li")).hasSize(10);
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'STEP_UP' AND actor = ?"
                    + " AND result = 'SUCCESS'",
                "user:" + user.id()))
        .isEqualTo(2L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'STEP_UP' AND actor = ?"
                    + " AND result = 'FAILURE' AND detail = 'wrong password'",
                "user:" + user.id()))
        .isEqualTo(1L);
  }

  @Test
  void theNewAddressIsConfirmedByMailTheOldOneNotifiedAndOtherSessionsEnd(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    String newEmail = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    try (Browser browser = new Browser(server.baseUrl());
        Browser other = new Browser(server.baseUrl())) {
      signIn(browser, user);
      signIn(other, user);

      browser.open(PAGE);
      browser.type("email:newEmail", "jane@localhost");
      browser.submit("email:submit");
      assertThat(browser.text("[id$='messages']")).contains("Enter a valid e-mail address");
      assertThat(browser.isPresent("#stepUp")).as("the address is checked first").isFalse();
      browser.type("email:newEmail", newEmail);
      browser.submit("email:submit");
      stepUp(browser, user.password());
      assertThat(browser.text("[id$='messages']")).contains("We sent a confirmation link");
      assertThat(browser.text("#currentEmail")).isEqualTo(user.email());

      TestSmtp.Mail link =
          TestSmtp.started().await(newEmail, m -> CONFIRM_LINK.matcher(m.body()).find());
      assertThat(link.subject()).isEqualTo("Confirm your new Dialtone e-mail address");
      TestSmtp.Mail requested =
          TestSmtp.started().await(user.email(), m -> m.subject().contains("was requested"));
      assertThat(requested.body()).contains("@example.test").doesNotContainPattern(CONFIRM_LINK);
      String url = linkFrom(link);

      browser.open(url);
      browser.submit("confirm:submit");
      assertThat(browser.path()).isEqualTo(PAGE);
      assertThat(browser.text("[id$='messages']")).contains("Your e-mail address was changed");
      assertThat(browser.text("#currentEmail")).isEqualTo(newEmail);

      TestSmtp.Mail changed =
          TestSmtp.started()
              .await(
                  user.email(),
                  m -> m.subject().equals("Your Dialtone e-mail address was changed"));
      assertThat(changed.body()).contains("If you did not do this").doesNotContain(url);

      other.open("/home.xhtml");
      assertThat(other.path()).as("the other session ended").isEqualTo("/signin.xhtml");
      browser.open("/home.xhtml");
      assertThat(browser.path()).as("this session continues").isEqualTo("/home.xhtml");

      browser.open(url);
      assertThat(browser.text("#invalidLink")).contains("not valid");

      PasswordChangeIT.signInWithPassword(other, user.email(), user.password());
      assertThat(other.path()).isEqualTo("/signin.xhtml");
      PasswordChangeIT.signInWithPassword(other, newEmail, user.password());
      assertThat(other.path()).isEqualTo("/mfa.xhtml");
    }
    TestUsers db = new TestUsers(server);
    assertThat(db.queryValue("SELECT email FROM app_user WHERE id = ?", user.id()))
        .isEqualTo(newEmail);
    for (String action : List.of("EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGE_CONFIRMED")) {
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM audit_event WHERE action = ? AND result = 'SUCCESS'"
                      + " AND actor = ?",
                  action,
                  "user:" + user.id()))
          .as(action)
          .isEqualTo(1L);
    }
  }

  @Test
  void theLinkWorksWhereNobodyIsSignedInAndMailsFollowTheUsersLanguage(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    new TestUsers(server).execute("UPDATE app_user SET locale = 'fr' WHERE id = ?", user.id());
    String newEmail = "ailleurs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    try (Browser browser = new Browser(server.baseUrl());
        Browser phone = new Browser(server.baseUrl())) {
      signIn(browser, user);
      browser.open(PAGE);
      browser.type("email:newEmail", newEmail);
      browser.submit("email:submit");
      stepUp(browser, user.password());

      TestSmtp.Mail link =
          TestSmtp.started().await(newEmail, m -> CONFIRM_LINK.matcher(m.body()).find());
      assertThat(link.subject()).isEqualTo("Confirmez votre nouvelle adresse courriel Dialtone");
      assertThat(
              TestSmtp.started()
                  .await(user.email(), m -> m.subject().startsWith("Une modification"))
                  .body())
          .contains("Bonjour");

      phone.open(linkFrom(link));
      phone.submit("confirm:submit");
      assertThat(phone.path()).isEqualTo("/signin.xhtml");
      assertThat(phone.text("[id$='messages']")).contains("Your e-mail address was changed");

      browser.open("/home.xhtml");
      assertThat(browser.path()).as("every session of the user ended").isEqualTo("/signin.xhtml");
      PasswordChangeIT.signInWithPassword(phone, newEmail, user.password());
      assertThat(phone.path()).isEqualTo("/mfa.xhtml");
    }
    assertThat(
            TestSmtp.started()
                .await(user.email(), m -> m.subject().contains("a été modifiée"))
                .body())
        .contains("Bonjour")
        .contains("@example.test");
  }

  @Test
  void aNewAuthenticatorReplacesTheOldOneAndItsRecoveryCodesTheOldCodes(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    try (Browser browser = new Browser(server.baseUrl())) {
      signIn(browser, user);
      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      stepUp(browser, user.password());
      List<String> oldCodes = codes(browser);

      browser.open(PAGE);
      browser.submit("mfaStart:start");
      assertThat(browser.find("#mfa\\:qr").getDomAttribute("src")).startsWith("data:image/png");
      String secret = browser.text("#totpSecret");
      assertThat(secret).hasSize(32).isNotEqualTo(user.totpSecret());
      browser.type("mfa:code", Totp.codeAt(user.totpSecret(), Totp.currentStep()));
      browser.submit("mfa:confirm");
      assertThat(browser.text("[id$='messages']")).contains("does not match the new authenticator");

      browser.type("mfa:code", Totp.freshCode(secret)); // one step back: the next is current
      browser.submit("mfa:confirm");
      assertThat(browser.text("[id$='messages']")).contains("Your new authenticator is active");
      List<String> newCodes = codes(browser);
      assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(oldCodes);
      assertThat(browser.overlaps("#recoveryCodes")).isEmpty();
      browser.submit("signOutForm:signOut");

      PasswordChangeIT.signInWithPassword(browser, user.email(), user.password());
      // a step after the new authenticator's: refused for its secret, not as a replay
      secondFactor(browser, Totp.codeAt(user.totpSecret(), Totp.currentStep()), false);
      assertThat(browser.text("[id$='messages']")).contains("This code is not right");
      secondFactor(browser, oldCodes.getFirst(), true);
      assertThat(browser.text("[id$='messages']")).contains("recovery code is not valid");
      secondFactor(browser, newCodes.getFirst(), true);
      assertThat(browser.path()).isEqualTo("/home.xhtml");
      browser.submit("signOutForm:signOut");

      PasswordChangeIT.signInWithPassword(browser, user.email(), user.password());
      secondFactor(browser, Totp.codeAt(secret, Totp.currentStep()), false); // after enrolStep
      assertThat(browser.path()).isEqualTo("/home.xhtml");
    }
    TestSmtp.Mail notice =
        TestSmtp.started()
            .await(user.email(), m -> m.subject().startsWith("A new authenticator was set up"));
    assertThat(notice.body()).doesNotContain(user.totpSecret());
    assertThat(
            new TestUsers(server)
                .queryValue(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'MFA_CHANGED'"
                        + " AND result = 'SUCCESS' AND actor = ?",
                    "user:" + user.id()))
        .isEqualTo(1L);
  }

  @Test
  void newRecoveryCodesVoidTheOldOnesAndEachWorksOnce(DialtoneServer server)
      throws InterruptedException {
    SeededUser user = new TestUsers(server).customerAdmin();
    List<String> first;
    List<String> second;
    try (Browser browser = new Browser(server.baseUrl())) {
      signIn(browser, user);
      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      stepUp(browser, user.password());
      first = codes(browser);
      browser.open(PAGE);
      browser.submit("recovery:regenerate");
      second = codes(browser);
      assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
      browser.submit("signOutForm:signOut");

      PasswordChangeIT.signInWithPassword(browser, user.email(), user.password());
      secondFactor(browser, first.get(3), true);
      assertThat(browser.text("[id$='messages']")).contains("recovery code is not valid");
      secondFactor(browser, second.get(3), true);
      assertThat(browser.path()).isEqualTo("/home.xhtml");
      browser.submit("signOutForm:signOut");

      PasswordChangeIT.signInWithPassword(browser, user.email(), user.password());
      secondFactor(browser, second.get(3), true);
      assertThat(browser.text("[id$='messages']")).contains("recovery code is not valid");
    }
    TestSmtp.Mail notice =
        TestSmtp.started()
            .await(
                user.email(),
                m -> m.subject().equals("Your Dialtone recovery codes were replaced"));
    assertThat(notice.body()).contains("no longer work");
    List<TestSmtp.Mail> notices = awaitMails(user.email(), notice.subject(), 2);
    for (TestSmtp.Mail mail : notices) {
      assertThat(first).noneMatch(code -> mail.body().contains(code));
      assertThat(second).noneMatch(code -> mail.body().contains(code));
    }
  }

  /** Waits up to 30 s until {@code count} mails with {@code subject} reached {@code recipient}. */
  private static List<TestSmtp.Mail> awaitMails(String recipient, String subject, int count)
      throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      List<TestSmtp.Mail> mails =
          TestSmtp.started().mailsTo(recipient).stream()
              .filter(m -> m.subject().equals(subject))
              .toList();
      if (mails.size() >= count) {
        assertThat(mails).hasSize(count);
        return mails;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("fewer than " + count + " mails '" + subject + "' to " + recipient);
  }

  /**
   * Signs in with both factors, with a TOTP step no code of the user's used before ({@link
   * Totp#freshCode}: one step back, then the current one, before it waits for the next).
   */
  private static void signIn(Browser browser, SeededUser user) {
    PasswordChangeIT.signInWithPassword(browser, user.email(), user.password());
    assertThat(browser.path()).isEqualTo("/mfa.xhtml");
    secondFactor(browser, Totp.freshCode(user.totpSecret()), false);
    assertThat(browser.path()).isEqualTo("/home.xhtml");
  }

  private static void secondFactor(Browser browser, String code, boolean recoveryCode) {
    browser.type("mfa:code", code);
    WebElement box = browser.find("[id='mfa:recovery'] .ui-chkbox-box");
    boolean ticked = box.getDomAttribute("class").contains("ui-state-active");
    if (ticked != recoveryCode) {
      box.click();
    }
    browser.submit("mfa:verify");
  }

  private static void stepUp(Browser browser, String passwordOrCode) {
    browser.type("stepUp:secret", passwordOrCode);
    browser.submit("stepUp:confirm");
  }

  private static List<String> codes(Browser browser) {
    return browser.findAll("#recoveryCodes li").stream().map(WebElement::getText).toList();
  }

  private static String linkFrom(TestSmtp.Mail mail) {
    Matcher m = CONFIRM_LINK.matcher(mail.body());
    assertThat(m.find()).isTrue();
    return m.group();
  }
}
