package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the portal's decisions do to live registrations: a registration stamps the extension's last
 * use; disabling an extension or suspending its account logs its phones out (bindings gone, next
 * REGISTER challenged like a wrong password).
 */
@ExtendWith(RunningDialtone.class)
class SipLifecycleIT {

  @Test
  void aRegistrationStampsTheExtensionAndDisablingItLogsThePhoneOut(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    TestUsers.SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    Extension e = SipExtensions.create(server, admin, "301").get("301");
    long extension = extensionId(db, account, "301");

    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      SipRegistrarIT.register(phone, e);
    }
    eventually(() -> bindings(db, extension) == 1);
    eventually(
        () ->
            db.queryValue("SELECT last_registered_at FROM extension WHERE id = ?", extension)
                != null);

    // another administrator of the account: the first one's TOTP step is spent (no code reuse)
    SipExtensions.disable(server, db.user("CUSTOMER_ADMIN", account), "301");

    eventually(() -> bindings(db, extension) == 0);
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String refused = SipRegistrarIT.registerAt(phone, e, SipUdpClient.newId(), 1, "Expires: 60");
      assertThat(SipUdpClient.status(refused)).isEqualTo(401);
    }
  }

  @Test
  void suspendingTheAccountLogsItsPhonesOutAndRefusesThem(DialtoneServer server) throws Exception {
    TestUsers db = new TestUsers(server);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long reseller = db.account(1L, "RESELLER", "Sip Reseller " + unique);
    String name = "Sip Customer " + unique;
    long account = db.account(reseller, "CUSTOMER", name);
    Map<String, Extension> ext =
        SipExtensions.create(server, db.user("CUSTOMER_ADMIN", account), "302");
    long extension = extensionId(db, account, "302");
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      SipRegistrarIT.register(phone, ext.get("302"));
    }
    eventually(() -> bindings(db, extension) == 1);

    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("RESELLER_ADMIN", reseller));
      browser.open("/accounts/index.xhtml");
      browser.clickInRow("accounts:table", name, "suspend");
      browser.find(".ui-confirmdialog-yes").click();
      browser.waitForText("The account is suspended.");
    }

    eventually(() -> bindings(db, extension) == 0);
    try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
      String refused =
          SipRegistrarIT.registerAt(phone, ext.get("302"), SipUdpClient.newId(), 1, "Expires: 60");
      assertThat(SipUdpClient.status(refused)).isEqualTo(401);
    }
  }

  private static long extensionId(TestUsers db, long account, String number) {
    return ((Number)
            db.queryValue(
                "SELECT id FROM extension WHERE account_id = ? AND number = ? AND deleted_at IS NULL",
                account,
                number))
        .longValue();
  }

  private static long bindings(TestUsers db, long extension) {
    return ((Number)
            db.queryValue("SELECT COUNT(*) FROM sip_binding WHERE extension_id = ?", extension))
        .longValue();
  }

  /** Waits for the write-behind (every second) to show {@code condition}, 15 s at most. */
  private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (!condition.get()) {
      assertThat(Instant.now()).as("condition not met within 15 s").isBefore(end);
      Thread.sleep(200);
    }
  }
}
