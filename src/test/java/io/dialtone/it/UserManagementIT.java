package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.AccountManagementIT.Tenants;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users of an account in a real browser (SECURITY.md A6, C5, F2): invitations by e-mail (GreenMail)
 * through enrolment, role changes within what the caller may grant, disabling that ends sessions,
 * MFA reset with a re-enrolment link, and refusals across tenants.
 */
@ExtendWith(RunningDialtone.class)
class UserManagementIT {

  private static final Pattern LINK =
      Pattern.compile("https://\\S+/enrol\\.xhtml\\?token=([A-Za-z0-9_-]+)");
  private static final String NOT_FOUND = "Page not found";

  @Test
  void aResellerCreatesACustomerInvitesItsAdminWhoEnrolsAndSignsIn(DialtoneServer server)
      throws InterruptedException {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String name = "Invited Co " + unique;
    String invitee = "new-admin-" + unique + "@example.test";
    try (Browser reseller = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(reseller, t.resellerAdminA());
      reseller.open("/accounts/edit.xhtml?kind=CUSTOMER");
      reseller.type("account:name", name);
      reseller.submit("account:save");
      assertThat(reseller.pageText()).contains("The account was created.");
      long customer =
          ((Number) db.queryValue("SELECT id FROM account WHERE name = ?", name)).longValue();

      reseller.find("#navUsers").click();
      reseller.waitForPath("/users/index.xhtml");
      reseller.open("/users/index.xhtml?account=" + customer);
      assertThat(reseller.pageText())
          .contains("No users in this account yet.")
          .contains("Customer administrator")
          .doesNotContain("Platform administrator");
      reseller.type("invite:email", invitee);
      reseller.type("invite:displayName", "Nadia Invitee");
      reseller.toggleOption("invite:roles", "Customer administrator");
      reseller.find("[id='invite:send']").click();
      reseller.waitForText("Invitation sent to " + invitee);
      assertThat(reseller.text("[id='users:table']")).contains(invitee).contains("Invitation sent");
    }
    assertThat(db.queryValue("SELECT status FROM app_user WHERE email = ?", invitee))
        .isEqualTo("PENDING");
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'USER_INVITED' AND actor = ?"
                    + " AND result = 'SUCCESS'",
                "user:" + t.resellerAdminA().id()))
        .isEqualTo(1L);

    TestSmtp.Mail mail = TestSmtp.started().await(invitee, m -> LINK.matcher(m.body()).find());
    assertThat(mail.body()).contains(name).contains("72 hours");
    String link = link(mail);
    try (Browser newcomer = new Browser(server.baseUrl())) {
      newcomer.open(link);
      assertThat(newcomer.text("#email")).isEqualTo(invitee);
      String password = "Fresh-Start-" + UUID.randomUUID() + "-9";
      newcomer.type("password:newPassword", password);
      newcomer.type("password:confirmation", password);
      newcomer.submit("password:next");
      String secret = newcomer.text("#totpSecret");
      newcomer.type("totp:code", Totp.freshCode(secret));
      newcomer.submit("totp:confirm");
      assertThat(newcomer.findAll("#recoveryCodes li")).hasSize(10);
      assertThat(db.queryValue("SELECT status FROM app_user WHERE email = ?", invitee))
          .isEqualTo("ACTIVE");

      newcomer.open(link);
      assertThat(newcomer.pageText()).contains("This link is not valid");

      SeededUser enrolled =
          new SeededUser(
              ((Number) db.queryValue("SELECT id FROM app_user WHERE email = ?", invitee))
                  .longValue(),
              invitee,
              password,
              secret);
      SignIn.withBothFactors(newcomer, enrolled);
      assertThat(newcomer.pageText()).contains("Nadia Invitee");
    }
  }

  @Test
  void anInvitationLinkStopsWorkingWhenItExpiresOrIsReplaced(DialtoneServer server)
      throws InterruptedException {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    String invitee = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    try (Browser admin = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(admin, t.customerAdminA1());
      invite(admin, invitee);
      String first = link(TestSmtp.started().await(invitee, m -> LINK.matcher(m.body()).find()));

      admin.clickInRow("users:table", invitee, "resend");
      admin.waitForText("A new invitation was sent");
      String second =
          link(
              TestSmtp.started()
                  .await(invitee, m -> LINK.matcher(m.body()).find() && !m.body().contains(first)));
      assertThat(second).isNotEqualTo(first);

      try (Browser newcomer = new Browser(server.baseUrl())) {
        newcomer.open(first);
        assertThat(newcomer.pageText()).contains("This link is not valid");
        db.execute(
            "UPDATE one_time_token SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND"
                + " WHERE user_id = (SELECT id FROM app_user WHERE email = ?) AND used_at IS NULL"
                + " AND voided_at IS NULL",
            invitee);
        newcomer.open(second);
        assertThat(newcomer.pageText()).contains("This link is not valid");
      }
    }
    assertThat(
            ((Number)
                    db.queryValue(
                        "SELECT TIMESTAMPDIFF(HOUR, created_at, expires_at) FROM one_time_token"
                            + " WHERE user_id = (SELECT id FROM app_user WHERE email = ?)"
                            + " AND purpose = 'INVITATION' ORDER BY id LIMIT 1",
                        invitee))
                .longValue())
        .isEqualTo(72L);
    assertThat(
            ((Number)
                    db.queryValue(
                        "SELECT CHAR_LENGTH(token_hash) FROM one_time_token WHERE user_id ="
                            + " (SELECT id FROM app_user WHERE email = ?) LIMIT 1",
                        invitee))
                .longValue())
        .isEqualTo(64L);
  }

  @Test
  void disablingAUserEndsTheirSessionsAndEnablingLetsThemBackIn(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    SeededUser user = db.user("CUSTOMER_USER", t.customerA1());
    try (Browser admin = new Browser(server.baseUrl());
        Browser member = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(member, user);
      SignIn.withBothFactors(admin, t.customerAdminA1());
      admin.find("#navUsers").click();
      admin.waitForPath("/users/index.xhtml");

      admin.clickInRow("users:table", user.email(), "disable");
      admin.find(".ui-confirmdialog-yes").click();
      admin.waitForText("The user is disabled");
      assertThat(db.queryValue("SELECT status FROM app_user WHERE id = ?", user.id()))
          .isEqualTo("DISABLED");

      member.find("#navHome").click();
      member.waitForPath("/signin.xhtml");
      SignIn.withPassword(member, user, user.password());
      assertThat(member.path()).isEqualTo("/signin.xhtml");

      admin.clickInRow("users:table", user.email(), "enable");
      admin.waitForText("The user is enabled again.");
      SignIn.withPassword(member, user, user.password());
      assertThat(member.path()).isEqualTo("/mfa.xhtml");
    }
    assertThat(auditCount(db, "USER_DISABLED", t.customerAdminA1(), user)).isEqualTo(1L);
    assertThat(auditCount(db, "USER_ENABLED", t.customerAdminA1(), user)).isEqualTo(1L);
  }

  @Test
  void rolesAreLimitedToWhatTheCallerMayGrantAndAChangeEndsTheUsersSessions(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    SeededUser user = db.user("CUSTOMER_USER", t.customerA1());
    try (Browser admin = new Browser(server.baseUrl());
        Browser member = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(member, user);
      SignIn.withBothFactors(admin, t.customerAdminA1());
      admin.open("/users/edit.xhtml?id=" + user.id());
      assertThat(admin.text("[id='user:roles']"))
          .contains("Customer administrator", "Customer user")
          .doesNotContain("Reseller administrator", "Platform administrator", "Support agent");
      admin.toggleOption("user:roles", "Customer administrator");
      admin.submit("user:save");
      assertThat(admin.pageText()).contains("The user was saved.");

      member.find("#navHome").click();
      member.waitForPath("/signin.xhtml");
    }
    assertThat(
            db.queryValue(
                "SELECT GROUP_CONCAT(role ORDER BY role) FROM user_role WHERE user_id = ?",
                user.id()))
        .isEqualTo("CUSTOMER_ADMIN,CUSTOMER_USER");
    assertThat(auditCount(db, "USER_ROLES_CHANGED", t.customerAdminA1(), user)).isEqualTo(1L);
  }

  @Test
  void anMfaResetEndsSessionsAndMailsALinkThatAsksForThePasswordFirst(DialtoneServer server)
      throws InterruptedException {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    SeededUser user = db.user("CUSTOMER_USER", t.customerA1());
    try (Browser admin = new Browser(server.baseUrl());
        Browser member = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(member, user);
      SignIn.withBothFactors(admin, t.customerAdminA1());
      admin.open("/users/index.xhtml");
      admin.clickInRow("users:table", user.email(), "resetMfa");
      admin.find(".ui-confirmdialog-yes").click();
      admin.find("[id='stepUp:secret']"); // C6: nothing happens before the admin steps up
      assertThat(db.queryValue("SELECT totp_secret FROM app_user WHERE id = ?", user.id()))
          .isNotNull();
      admin.type("stepUp:secret", t.customerAdminA1().password());
      admin.submit("stepUp:confirm");
      admin.waitForText("The second factor is reset");

      member.find("#navHome").click();
      member.waitForPath("/signin.xhtml");
      SignIn.withPassword(member, user, user.password());
      assertThat(member.path()).isEqualTo("/signin.xhtml"); // no sign-in without a second factor

      assertThat(db.queryValue("SELECT totp_secret FROM app_user WHERE id = ?", user.id()))
          .isNull();
      assertThat(db.queryValue("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?", user.id()))
          .isEqualTo(0L);
      TestSmtp.Mail mail =
          TestSmtp.started().await(user.email(), m -> LINK.matcher(m.body()).find());
      assertThat(mail.subject()).contains("new authenticator");

      member.open(link(mail));
      member.type("verify:currentPassword", "not-" + user.password());
      member.submit("verify:next");
      assertThat(member.pageText()).contains("This password is not right");
      assertThat(db.queryValue("SELECT failed_attempts FROM app_user WHERE id = ?", user.id()))
          .isEqualTo(1);
      member.type("verify:currentPassword", user.password());
      member.submit("verify:next");
      String secret = member.text("#totpSecret");
      assertThat(secret).isNotEqualTo(user.totpSecret());
      member.type("totp:code", Totp.freshCode(secret));
      member.submit("totp:confirm");
      assertThat(member.findAll("#recoveryCodes li")).hasSize(10);

      SignIn.withBothFactors(
          member, new SeededUser(user.id(), user.email(), user.password(), secret));
    }
    assertThat(auditCount(db, "USER_MFA_RESET", t.customerAdminA1(), user)).isEqualTo(1L);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'MFA_REENROLLED' AND actor = ?"
                    + " AND result = 'SUCCESS'",
                "user:" + user.id()))
        .isEqualTo(1L);
  }

  @Test
  void administratorsCannotReachAnotherTenantsUsers(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    Tenants t = Tenants.seed(db);
    SeededUser other = t.customerAdminB1();
    Object rolesBefore =
        db.queryValue("SELECT GROUP_CONCAT(role) FROM user_role WHERE user_id = ?", other.id());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, t.customerAdminA1());
      for (String path :
          new String[] {
            "/users/index.xhtml?account=" + t.customerB1(),
            "/users/index.xhtml?account=" + t.resellerA(),
            "/users/edit.xhtml?id=" + other.id(),
            "/users/edit.xhtml?id=" + t.resellerAdminA().id(),
          }) {
        browser.open(path);
        assertThat(browser.pageText()).as(path).contains(NOT_FOUND).doesNotContain(other.email());
      }
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, t.resellerAdminA());
      browser.open("/users/edit.xhtml?id=" + other.id());
      assertThat(browser.pageText()).contains(NOT_FOUND).doesNotContain(other.email());
      browser.open("/users/index.xhtml?account=" + t.customerA1());
      assertThat(browser.pageText()).contains(t.customerAdminA1().email());
    }
    assertThat(
            db.queryValue("SELECT GROUP_CONCAT(role) FROM user_role WHERE user_id = ?", other.id()))
        .isEqualTo(rolesBefore);
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                "user:" + t.customerAdminA1().id()))
        .isEqualTo(4L);
  }

  @Test
  void aCustomerUserHasNoUsersPage(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      assertThat(browser.isPresent("#navUsers")).isFalse();
      browser.open("/users/index.xhtml");
      assertThat(browser.pageText()).contains(NOT_FOUND);
    }
  }

  @Test
  void guessingEnrolmentLinksFromOneAddressIsThrottled(DialtoneServer server) {
    String ip = Https.randomLoopback();
    String url = "https://127.0.0.1:" + server.httpsPort() + "/enrol.xhtml?token=";
    for (int i = 0; i < RunningDialtone.ENROL_LIMIT; i++) {
      HttpResponse<String> answer = Https.getFrom(ip, url + "guess" + i);
      assertThat(answer.body()).contains("This link is not valid");
    }
    HttpResponse<String> refused = Https.getFrom(ip, url + "guess-more");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Too many attempts from your network");
    assertThat(
            new TestUsers(server)
                .queryValue(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'ENROLMENT_THROTTLED'"
                        + " AND source_ip = ?",
                    ip))
        .isEqualTo(1L);
  }

  private static void invite(Browser admin, String email) {
    admin.open("/users/index.xhtml");
    admin.type("invite:email", email);
    admin.toggleOption("invite:roles", "Customer user");
    admin.find("[id='invite:send']").click();
    admin.waitForText("Invitation sent to " + email);
  }

  private static String link(TestSmtp.Mail mail) {
    Matcher m = LINK.matcher(mail.body());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private static long auditCount(TestUsers db, String action, SeededUser actor, SeededUser target) {
    return ((Number)
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor = ? AND target = ?",
                action,
                "user:" + actor.id(),
                "user:" + target.id()))
        .longValue();
  }
}
