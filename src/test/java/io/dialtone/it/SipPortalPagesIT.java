package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The portal side of the SIP registrar in a real browser against the shared server and its real
 * registrar: a registration made by sipp shows on the extension list ("Registered" at a glance), on
 * the extension page (contact, User-Agent, source, transport, expiry, last refresh) and on the
 * user's own page; brute force from two sources bans both, tells the customer's administrators that
 * someone guesses the extension's password (mail and notice) and the platform administrators of
 * each ban (mail); a platform administrator lifts one ban on the bans page, in English then French,
 * and that source registers again while the other stays banned. Each attacker has its own loopback
 * address (127.0.0.91, .92), so its ban touches no other test.
 */
@ExtendWith(RunningDialtone.class)
class SipPortalPagesIT {

  @Test
  void aRegistrationMadeBySippAppearsOnTheExtensionPages(DialtoneServer server) throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser member = db.user("CUSTOMER_USER", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      Extension desk = create(browser, "231", member.id());
      create(browser, "232", null);

      Sipp.Result sipp = Sipp.run("register", desk.number(), desk.secret(), desk.realm());
      assertThat(sipp.passed()).as(sipp.output()).isTrue();

      browser.open("/extensions/index.xhtml");
      assertThat(row(browser, "231").getText()).contains("Registered").doesNotContain("Not");
      assertThat(row(browser, "232").getText()).contains("Not registered");

      browser.clickInRow("extensions:table", "231", "edit");
      browser.waitForPath("/extensions/edit.xhtml");
      browser.waitForText("Registered phones");
      String live = browser.text("[id='live:registrations']");
      assertThat(live)
          .contains("sip:231@127.0.0.1:", "sipp-dialtone-test", "127.0.0.1:", "UDP", " min ");
      browser.find("[id='live:refresh']").click();
      browser.waitForText("sipp-dialtone-test");
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, member);
      browser.open("/extensions/mine.xhtml");
      assertThat(browser.text("[id='mine']")).contains("231", "Registered");
      assertThat(browser.pageText())
          .contains("My phones", "sip:231@127.0.0.1:", "sipp-dialtone-test");
    }
  }

  @Test
  void bruteForceIsBannedAndAlertedAndAPlatformAdministratorLiftsABanInFrench(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser customerAdmin = db.user("CUSTOMER_ADMIN", account);
    SeededUser platformAdmin = db.user("PLATFORM_ADMIN", 1L);
    Extension target;
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, customerAdmin);
      target = create(browser, "241", null);
    }
    Extension guessed = new Extension(target.number(), target.realm(), "wrong-guess-0000000000");
    for (String attacker : List.of("127.0.0.91", "127.0.0.92")) {
      try (SipUdpClient client = new SipUdpClient(attacker)) {
        for (int i = 0; i < 10; i++) {
          String answer =
              SipRegistrarIT.registerAt(client, guessed, SipUdpClient.newId(), 1, "Expires: 600");
          assertThat(SipUdpClient.status(answer)).isEqualTo(401);
        }
      }
    }

    TestSmtp smtp = TestSmtp.started();
    TestSmtp.Mail guessing =
        smtp.await(customerAdmin.email(), m -> m.subject().contains("extension 241"));
    assertThat(guessing.body())
        .contains("guessing the SIP password of extension 241", "not locked out")
        .doesNotContain(target.secret());
    TestSmtp.Mail ban =
        smtp.await(platformAdmin.email(), m -> m.subject().contains("127.0.0.91 banned"));
    assertThat(ban.body()).contains("repeated failed authentications");
    smtp.await(platformAdmin.email(), m -> m.subject().contains("127.0.0.92 banned"));
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'SIP_SOURCE_BANNED'"
                    + " AND actor = 'system' AND target = 'sip-source:127.0.0.91'"))
        .isEqualTo(1L);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, customerAdmin);
      browser.open("/extensions/index.xhtml");
      browser.waitForText("Someone is guessing the SIP password of extension 241");
      browser.submit("phoneNotices:list:0:dismiss");
      assertThat(browser.pageText()).doesNotContain("Someone is guessing");
      browser.open("/sip/bans.xhtml");
      assertThat(browser.pageText()).contains("Page not found");
    }

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, platformAdmin);
      browser.find("#navSipBans").click();
      browser.waitForPath("/sip/bans.xhtml");
      assertThat(browser.text("[id='bans:table']"))
          .contains("127.0.0.91", "127.0.0.92", "repeated failed authentications")
          .doesNotContain("UTC")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
      assertThat(browser.find("[id='bans:table'] time").getDomAttribute("datetime"))
          .matches("\\d{4}-\\d{2}-\\d{2}T.*-0[45]:00");
      assertThat(browser.pageText()).contains("The SIP registrar banned 127.0.0.91");

      browser.useLanguage("fr");
      assertThat(browser.pageText())
          .contains(
              "Bannissements SIP", "authentifications échouées répétées", "Lever le bannissement");
      browser.clickInRow("bans:table", "127.0.0.91", "lift");
      browser.waitForText("Le bannissement de 127.0.0.91 a été levé.");
      assertThat(browser.text("[id='bans:table']"))
          .doesNotContain("127.0.0.91")
          .contains("127.0.0.92");
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'SIP_BAN_LIFTED'"
                    + " AND result = 'SUCCESS' AND actor = ? AND target = 'sip-source:127.0.0.91'",
                "user:" + platformAdmin.id()))
        .isEqualTo(1L);

    try (SipUdpClient lifted = new SipUdpClient("127.0.0.91");
        SipUdpClient stillBanned = new SipUdpClient("127.0.0.92")) {
      assertThat(
              SipUdpClient.status(
                  SipRegistrarIT.registerAt(
                      lifted, target, SipUdpClient.newId(), 1, "Expires: 600")))
          .as("the lifted source registers again")
          .isEqualTo(200);
      assertThat(
              SipUdpClient.status(
                  SipRegistrarIT.registerAt(
                      stillBanned, target, SipUdpClient.newId(), 1, "Expires: 600")))
          .as("the other source is still banned")
          .isEqualTo(401);
    }
  }

  /** Creates extension {@code number} on the Extensions page; its credentials as shown once. */
  private static Extension create(Browser browser, String number, Long userId) {
    browser.open("/extensions/index.xhtml");
    browser.type("create:number", number);
    browser.type("create:displayName", "Phone " + number);
    if (userId != null) {
      browser.find("[id='create:user']");
      ((JavascriptExecutor) browser.driver())
          .executeScript(
              "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                  + " s.dispatchEvent(new Event('change'));",
              "create:user_input",
              String.valueOf(userId));
    }
    browser.find("[id='create:submit']").click();
    String secret = browser.text("#sipSecret");
    assertThat(browser.text("#sipUser")).isEqualTo(number);
    return new Extension(number, browser.text("#realm"), secret);
  }

  private static WebElement row(Browser browser, String number) {
    return browser.findAll("[id='extensions:table'] tbody tr").stream()
        .filter(r -> r.getText().startsWith(number))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + number));
  }
}
