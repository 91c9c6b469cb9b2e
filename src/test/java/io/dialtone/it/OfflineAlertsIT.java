package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phones going offline, against the shared server's real registrar with sipp phones and GreenMail:
 * the last registration of an extension expires (5 s) → one notice and one e-mail to each of the
 * account's administrators in their own language (English, French), and a second expiry within the
 * hour tells nobody again (seen after a later extension's alert arrived); the registration history
 * on the extension page (registered, expired; English and French, 390 px), which another account's
 * administrator cannot open; and the DID page saying how a call is routed now, without and with a
 * registered phone, in English and French at 390 px.
 */
@ExtendWith(RunningDialtone.class)
class OfflineAlertsIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void aPhoneGoingOfflineAlertsOnceAndThePagesShowItsHistoryAndTheRouteNow(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser frenchAdmin = db.user("CUSTOMER_ADMIN", account);
    db.execute("UPDATE app_user SET locale = 'fr' WHERE id = ?", frenchAdmin.id());
    SeededUser stranger = db.user("CUSTOMER_ADMIN", db.newCustomerAccount());
    TestSmtp smtp = TestSmtp.started();

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      Map<String, Extension> made = SipExtensions.create(browser, "251", "252", "253");
      long desk = extensionId(db, account, "251");
      long lobby = extensionId(db, account, "252");
      String number =
          "+1613" + (2 + RANDOM.nextInt(8)) + String.format("%06d", RANDOM.nextInt(1_000_000));
      db.execute(
          "INSERT INTO did (number, account_id, extension_id, continuity_destination, created_at,"
              + " assigned_at) VALUES (?, ?, ?, '252', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
          number,
          account,
          desk);
      long did =
          ((Number) db.queryValue("SELECT id FROM did WHERE number = ?", number)).longValue();
      browser.resize(390, 900);

      // The DID page before any phone registered, in English and French.
      browser.open("/dids/edit.xhtml?id=" + did);
      assertThat(browser.text("#routingNow"))
          .contains(
              "Calls ring extension 251 (Phone 251), but no phone is registered for it now.",
              "nobody answers within 25 seconds, the call goes to the continuity destination 252.");
      assertFits(browser, "DID page, nothing registered");
      browser.useLanguage("fr");
      assertThat(browser.text("#routingNow"))
          .contains(
              "Les appels font sonner le poste 251 (Phone 251), mais aucun téléphone n’est"
                  + " enregistré pour lui maintenant.",
              "la destination de continuité 252.");

      // A phone registers for an hour: the DID page lists it, in French then English.
      Extension deskPhone = made.get("251");
      Sipp.Result registered =
          Sipp.run("register", deskPhone.number(), deskPhone.secret(), deskPhone.realm());
      assertThat(registered.passed()).as(registered.output()).isTrue();
      browser.open("/dids/edit.xhtml?id=" + did);
      assertThat(browser.text("#routingNow"))
          .contains("sur tous les téléphones enregistrés maintenant", "sip:251@127.0.0.1:", "UDP");
      assertFits(browser, "DID page, a phone registered");
      browser.useLanguage("en");
      assertThat(browser.text("#routingNow"))
          .contains("on every phone registered now", "sip:251@127.0.0.1:", "UDP", "252");

      // Another phone registers for 5 s and lets it expire: one alert per administrator, each in
      // their language, and both changes in the extension's history.
      Extension lobbyPhone = made.get("252");
      Sipp.Result brief =
          Sipp.run("register-brief", lobbyPhone.number(), lobbyPhone.secret(), lobbyPhone.realm());
      assertThat(brief.passed()).as(brief.output()).isTrue();
      TestSmtp.Mail english = smtp.await(admin.email(), m -> m.subject().contains("extension 252"));
      assertThat(english.subject()).isEqualTo("Dialtone: no phone registered for extension 252");
      assertThat(english.body()).contains("no phone is registered any more", "at most one");
      TestSmtp.Mail french =
          smtp.await(frenchAdmin.email(), m -> m.subject().contains("poste 252"));
      assertThat(french.subject())
          .isEqualTo("Dialtone : aucun téléphone enregistré pour le poste 252");
      assertThat(french.body()).contains("plus aucun téléphone n’est enregistré");
      browser.waitUntil(() -> history(db, lobby, "EXPIRED") == 1);
      assertThat(history(db, lobby, "REGISTERED")).isEqualTo(1);

      browser.open("/extensions/edit.xhtml?id=" + lobby);
      String rows = browser.text("[id='live:history']");
      assertThat(rows)
          .contains("Registered", "Expired (not refreshed)", "sip:252@127.0.0.1:", "UDP")
          .contains("127.0.0.1:");
      assertThat(rows.indexOf("Expired")).as("newest first").isLessThan(rows.indexOf("Registered"));
      assertFits(browser, "extension page");
      browser.useLanguage("fr");
      assertThat(browser.text("[id='live:history']"))
          .contains("Enregistré", "Expiré (non renouvelé)", "sip:252@127.0.0.1:");
      assertThat(browser.pageText()).contains("Historique des enregistrements (30 jours)");
      browser.useLanguage("en");

      // It registers and expires again within the hour: nobody is told again. Seen once a later
      // alert, about extension 253, arrived after it.
      brief =
          Sipp.run("register-brief", lobbyPhone.number(), lobbyPhone.secret(), lobbyPhone.realm());
      assertThat(brief.passed()).as(brief.output()).isTrue();
      browser.waitUntil(() -> history(db, lobby, "EXPIRED") == 2);
      Extension spare = made.get("253");
      brief = Sipp.run("register-brief", spare.number(), spare.secret(), spare.realm());
      assertThat(brief.passed()).as(brief.output()).isTrue();
      smtp.await(admin.email(), m -> m.subject().contains("extension 253"));
      smtp.await(frenchAdmin.email(), m -> m.subject().contains("poste 253"));
      assertThat(smtp.mailsTo(admin.email()))
          .filteredOn(m -> m.subject().contains("extension 252"))
          .hasSize(1);
      assertThat(smtp.mailsTo(frenchAdmin.email()))
          .filteredOn(m -> m.subject().contains("poste 252"))
          .hasSize(1);
      assertThat(
              db.queryValue(
                  "SELECT COUNT(*) FROM portal_notice WHERE user_id = ? AND kind ="
                      + " 'SIP_DEVICE_OFFLINE' AND subject LIKE '% 252'",
                  admin.id()))
          .isEqualTo(1L);
    }

    // Another account's administrator: the page is not found, nothing of the history shows.
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, stranger);
      browser.open("/extensions/edit.xhtml?id=" + extensionId(db, account, "252"));
      assertThat(browser.pageText()).contains("Page not found").doesNotContain("sip:252@");
    }
  }

  private static long extensionId(TestUsers db, long account, String number) {
    return ((Number)
            db.queryValue(
                "SELECT id FROM extension WHERE account_id = ? AND number = ?", account, number))
        .longValue();
  }

  private static long history(TestUsers db, long extension, String kind) {
    return ((Number)
            db.queryValue(
                "SELECT COUNT(*) FROM registration_event WHERE extension_id = ? AND kind = ?",
                extension,
                kind))
        .longValue();
  }

  private static void assertFits(Browser browser, String page) {
    long width =
        ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
    assertThat(width).as(page + " at 390 px").isLessThanOrEqualTo(390);
  }
}
