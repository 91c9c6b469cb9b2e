package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension pages in a real browser: a customer administrator creates an extension and sees its
 * SIP secret once (a reload shows it no more), regenerates it after a step-up (the assigned user
 * gets a notice without the secret), and resets a PIN; the customer user sets a PIN that is refused
 * then accepted, in French; a customer user cannot open the admin pages; an impersonating agent
 * sees extensions but no secret and no regenerate button; the pages put the phone first (status
 * badges, a registered phone's model, when one was last seen, how to set one up with a QR code, a
 * continuity destination picked from the account's extensions, breadcrumbs), in EN and FR.
 */
@ExtendWith(RunningDialtone.class)
class ExtensionPagesIT {

  private static final String NOT_FOUND_FR = "Page introuvable";

  @Test
  void anAdminSeesTheSecretOnceAndRegeneratesItAfterAStepUp(DialtoneServer server)
      throws InterruptedException {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser member = db.user("CUSTOMER_USER", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navExtensions").click();
      browser.waitForPath("/extensions/index.xhtml");
      browser.type("create:number", "911");
      browser.type("create:displayName", "Nope");
      browser.find("[id='create:submit']").click();
      browser.waitForText("cannot be, or start with, an emergency number");

      browser.type("create:number", "201");
      browser.type("create:displayName", "Front desk");
      browser.find("[id='create:submit']").click();
      String secret = browser.text("#sipSecret");
      assertThat(secret).matches("[A-Za-z0-9_-]{22}");
      assertThat(browser.text("#sipUser")).isEqualTo("201");
      assertThat(browser.text("#realm")).matches("c-[0-9]{6}\\.sip\\..+");
      assertThat(browser.pageText()).contains("Front desk");
      assertThat(db.queryValue("SELECT COUNT(*) FROM extension WHERE account_id = ?", account))
          .isEqualTo(1L);

      browser.open("/extensions/index.xhtml");
      assertThat(browser.isPresent("#sipSecret")).as("shown once").isFalse();
      assertThat(browser.pageText()).doesNotContain(secret).contains("Front desk");

      // Assign it to the member, then regenerate: step-up first, notice to the member.
      browser.find("[id='extensions:table:0:edit']").click();
      browser.waitForPath("/extensions/edit.xhtml");
      choose(browser, "edit:user", member.id());
      browser.submit("edit:save");
      browser.waitForText("The extension was saved");

      // The outbound caller ID: one of the account's numbers, offered on the edit page.
      String did = "+1613555" + String.format("%04d", account % 10_000);
      db.execute(
          "INSERT INTO did (number, account_id, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))",
          did,
          account);
      browser.find("[id='extensions:table:0:edit']").click();
      browser.waitForPath("/extensions/edit.xhtml");
      assertThat(browser.pageText()).contains("Outbound caller ID", "No call in progress.");
      // the account's numbers offered as the caller ID, written the Canadian way
      assertThat(
              browser.findAll("[id='edit:callerId_input'] option").stream()
                  .map(o -> o.getAttribute("textContent"))
                  .toList())
          .contains("(613) 555-" + did.substring(8));
      choose(browser, "edit:callerId", did);
      browser.submit("edit:save");
      browser.waitForText("The extension was saved");
      assertThat(
              db.queryValue(
                  "SELECT outbound_caller_id FROM extension WHERE account_id = ?", account))
          .isEqualTo(did);

      browser.clickInRow("extensions:table", "Front desk", "regenerate");
      browser.find(".ui-confirmdialog-yes").click();
      browser.find("[id='stepUp:secret']");
      assertThat(browser.isPresent("#sipSecret")).isFalse();
      browser.type("stepUp:secret", admin.password());
      browser.submit("stepUp:confirm");
      String fresh = browser.text("#sipSecret");
      assertThat(fresh).isNotEqualTo(secret).matches("[A-Za-z0-9_-]{22}");
      TestSmtp.Mail mail =
          TestSmtp.started().await(member.email(), m -> m.subject().contains("201"));
      assertThat(mail.body()).contains("201").doesNotContain(fresh).doesNotContain(secret);
      browser.open("/extensions/index.xhtml");
      assertThat(browser.pageText()).doesNotContain(fresh);
    }
  }

  @Test
  void thePagesPutThePhoneFirstStatusDevicesLastSeenSetupAndQrCode(DialtoneServer server)
      throws Exception {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser member = db.user("CUSTOMER_USER", account);
    String tlsPort = Integer.toString(SipExtensions.sipPort() + 1);
    String host = java.net.URI.create(server.baseUrl()).getHost();
    SipExtensions.Extension front;
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      front = SipExtensions.create(browser, "222", "221").get("221");
      // the credentials shown once say where the phone registers
      assertThat(browser.text("#sipServer")).isEqualTo(host);
      assertThat(browser.text("#sipTransport")).isEqualTo("TLS");
      assertThat(browser.text("#sipPort")).isEqualTo(tlsPort);
      try (SipUdpClient phone = new SipUdpClient("127.0.0.1")) {
        SipRegistrarIT.register(phone, front);
      }
      Object id =
          db.queryValue(
              "SELECT id FROM extension WHERE account_id = ? AND number = '221'", account);
      browser.open("/extensions/edit.xhtml?id=" + id);
      assertThat(Breadcrumbs.of(browser)).containsExactly("Home", "Extensions", "221");
      assertThat(browser.text("#extensionStatus")).isEqualTo("Active");
      assertThat(browser.text("#registeredBadge")).isEqualTo("Registered: 1 phone(s)");
      assertThat(browser.text("#lastSeen")).startsWith("Last seen:").doesNotContain("never");
      assertThat(browser.text("[id='live:registrations']")).contains("Phone/1.0");
      assertThat(browser.text(".dt-phone-setup h2")).isEqualTo("Set up your phone");
      assertThat(browser.text(".dt-setup-server")).isEqualTo(host);
      assertThat(browser.text(".dt-setup-transport")).isEqualTo("TLS");
      assertThat(browser.text(".dt-setup-port")).isEqualTo(tlsPort);
      assertThat(browser.text(".dt-setup-user")).isEqualTo("221");
      assertThat(browser.text(".dt-setup-domain")).isEqualTo(front.realm());
      String expectedUri =
          "sip:221@" + front.realm() + ":" + tlsPort + ";transport=tls;maddr=" + host;
      assertThat(qrText(browser.find(".dt-setup-qr").getAttribute("src"))).isEqualTo(expectedUri);
      assertThat(browser.driver().getPageSource()).doesNotContain(front.secret());

      // the continuity destination is picked from the account's extensions
      browser.type("edit:destination_input", "Phone 22");
      String offered = ".ui-autocomplete-panel .ui-autocomplete-item[data-item-value='222']";
      assertThat(browser.text(offered)).isEqualTo("222 – Phone 222");
      browser.find(offered).click();
      assertThat(browser.find("[id='edit:destination_input']").getAttribute("value"))
          .isEqualTo("222");
      choose(browser, "edit:user", member.id());
      browser.submit("edit:save");
      browser.waitForText("The extension was saved");
      assertThat(db.queryValue("SELECT continuity_destination FROM extension WHERE id = ?", id))
          .isEqualTo("222");

      browser.useLanguage("fr");
      Object other =
          db.queryValue(
              "SELECT id FROM extension WHERE account_id = ? AND number = '222'", account);
      browser.open("/extensions/edit.xhtml?id=" + other);
      assertThat(Breadcrumbs.of(browser)).containsExactly("Accueil", "Postes", "222");
      assertThat(browser.text("#extensionStatus")).isEqualTo("Actif");
      assertThat(browser.text("#notRegisteredBadge")).isEqualTo("Non enregistré");
      assertThat(browser.text("#lastSeen")).isEqualTo("Vu pour la dernière fois : jamais");
      assertThat(browser.text(".dt-phone-setup h2")).isEqualTo("Configurer votre téléphone");
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, member);
      browser.open("/extensions/mine.xhtml");
      assertThat(browser.text("[id='mine']")).contains("221", "Registered").doesNotContain("never");
      assertThat(browser.text(".dt-setup-user")).isEqualTo("221");
      assertThat(browser.text(".dt-setup-domain")).isEqualTo(front.realm());
      assertThat(qrText(browser.find(".dt-setup-qr").getAttribute("src")))
          .startsWith("sip:221@" + front.realm() + ":" + tlsPort);
      assertThat(browser.pageText()).contains("Phone/1.0", "Set up your phone");
    }
  }

  @Test
  void onAPhoneEachRowsActionsSitBehindOneMenuReachedByKeyboardInEnglishAndFrench(
      DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser member = db.user("CUSTOMER_USER", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      SipExtensions.create(browser, "231");
      Object id =
          db.queryValue(
              "SELECT id FROM extension WHERE account_id = ? AND number = '231'", account);
      browser.open("/extensions/index.xhtml");
      // on a wide screen the actions stand in the row and the menu is not shown
      assertThat(browser.find("[id='extensions:table:0:disable']").isDisplayed()).isTrue();
      assertThat(browser.isShown("[id='extensions:table:0:rowMenu']")).isFalse();
      try {
        browser.resize(390, 844);
        browser.open("/extensions/index.xhtml");
        org.openqa.selenium.WebElement toggle =
            browser.find("[id='extensions:table:0:rowMenu'] button");
        assertThat(toggle.getAttribute("aria-label")).isEqualTo("Actions for 231");
        assertThat(toggle.getText()).isEqualTo("Actions");
        assertThat(browser.isShown("[id='extensions:table:0:disable']"))
            .as("the row's own buttons fold away")
            .isFalse();
        // by keyboard: Enter opens the menu on its first action, Enter uses it
        toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
        org.openqa.selenium.WebElement item = browser.find("[id='extensions:table:0:disableItem']");
        assertThat(item.getText()).isEqualTo("Disable");
        browser.waitUntil(
            () ->
                "extensions:table:0:disableItem"
                    .equals(browser.script("return document.activeElement.id")));
        assertThat(pageWidth(browser)).as("with the menu open").isLessThanOrEqualTo(390);
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitUntil(
            () ->
                "DISABLED".equals(db.queryValue("SELECT status FROM extension WHERE id = ?", id)));
        browser.waitForText("Disabled");

        // in French, the users list: a click opens the menu, the action asks first
        browser.resize(1366, 900);
        browser.useLanguage("fr");
        browser.resize(390, 844);
        browser.open("/users/index.xhtml");
        org.openqa.selenium.WebElement row =
            browser.findAll("[id='users:table'] tbody tr").stream()
                .filter(r -> r.getText().contains(member.email()))
                .findFirst()
                .orElseThrow();
        org.openqa.selenium.WebElement memberMenu =
            row.findElement(org.openqa.selenium.By.cssSelector("[id$=':rowMenu'] button"));
        assertThat(memberMenu.getAttribute("aria-label"))
            .isEqualTo("Actions pour " + member.email());
        memberMenu.click();
        String menuId =
            memberMenu.findElement(org.openqa.selenium.By.xpath("..")).getAttribute("id");
        org.openqa.selenium.WebElement disable =
            browser.find("[id='" + menuId.replace(":rowMenu", ":disableItem") + "']");
        assertThat(disable.getText()).isEqualTo("Désactiver");
        assertThat(pageWidth(browser)).as("FR, with the menu open").isLessThanOrEqualTo(390);
        disable.click();
        browser.find(".ui-confirmdialog-yes").click();
        browser.waitUntil(
            () ->
                "DISABLED"
                    .equals(
                        db.queryValue("SELECT status FROM app_user WHERE id = ?", member.id())));
        browser.waitForText("Désactivé");
      } finally {
        browser.resize(1366, 900);
      }
    }
  }

  private static long pageWidth(Browser browser) {
    return ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
  }

  /** The text a QR code in a {@code data:image/png;base64,} address holds, read with ZXing. */
  private static String qrText(String dataUri) throws Exception {
    assertThat(dataUri).startsWith("data:image/png;base64,");
    byte[] png =
        java.util.Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source =
        new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    var bitmap =
        new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source));
    return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
  }

  @Test
  void aUserSetsTheirPinRefusedThenAcceptedInFrench(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser member = db.user("CUSTOMER_USER", account);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.open("/extensions/index.xhtml");
      browser.type("create:number", "305");
      browser.type("create:displayName", "Bureau");
      choose(browser, "create:user", member.id());
      browser.find("[id='create:submit']").click();
      browser.find("#sipSecret");
      browser.open("/extensions/index.xhtml");
      browser.resize(1280, 500); // a short screen: the PIN appears far above the row's button
      browser.clickInRow("extensions:table", "Bureau", "resetPin");
      browser.script("window.scrollTo(0, document.body.scrollHeight)");
      browser.find(".ui-confirmdialog-yes").click();
      assertThat(browser.text("#temporaryPin")).matches("[0-9]{8}");
      assertThat(browser.inViewport("#temporaryPin")).as("the one-time PIN is in sight").isTrue();

      // A continuity destination must be a number or one of the account's extensions.
      browser.resize(1280, 1000);
      browser.click("[id='extensions:table:0:edit']");
      browser.waitForPath("/extensions/edit.xhtml");
      browser.type("edit:destination_input", "555-01");
      browser.submit("edit:save");
      assertThat(browser.pageText())
          .contains("There is no extension with this number in the account.");
      assertThat(
              db.queryValue(
                  "SELECT continuity_destination FROM extension WHERE number = '305' AND account_id = ?",
                  account))
          .isNull();
      browser.open("/calls/tester.xhtml?account=" + account + "&number=555-01");
      assertThat(browser.text("#rule"))
          .isEqualTo("No extension of the account has this number: the call would not connect.");
      assertThat(browser.text("#verdict")).isEqualTo("Blocked");
      browser.open("/calls/tester.xhtml?account=" + account + "&number=305");
      assertThat(browser.text("#rule")).isEqualTo("One of the account’s extensions");
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, member);
      browser.useLanguage("fr");
      browser.find("#navMyExtension").click();
      browser.waitForPath("/extensions/mine.xhtml");
      assertThat(browser.pageText()).contains("Mon poste", "305", "Choisissez un nouveau NIP");
      assertThat(browser.text("[id='mine:0:pinState']")).isEqualTo("Choisissez un nouveau NIP");
      browser.resize(1280, 500); // the form is below the fold: the answer must come into sight
      browser.type("pin:newPin", "123456");
      browser.find("[id='pin:save']").click();
      browser.waitForText("une suite de chiffres comme 123456");
      assertThat(
              db.queryValue(
                  "SELECT pin_must_change FROM extension WHERE number = '305' AND account_id = ?",
                  account))
          .isIn(true, 1, (byte) 1);
      browser.type("pin:newPin", "480271");
      browser.find("[id='pin:save']").click();
      browser.waitForText("Votre NIP de messagerie a été changé");
      assertThat(browser.inViewport("#messages")).as("the confirmation is in sight").isTrue();
      assertThat(browser.pageText()).doesNotContain("480271", "Choisissez un nouveau NIP");
      assertThat(browser.text("[id='mine:0:pinState']")).isEqualTo("Défini");
      String hash =
          (String)
              db.queryValue(
                  "SELECT pin_hash FROM extension WHERE number = '305' AND account_id = ?",
                  account);
      assertThat(hash).startsWith("pbkdf2-sha512$").doesNotContain("480271");

      for (String adminPage :
          new String[] {
            "/extensions/index.xhtml", "/extensions/import.xhtml", "/extensions/edit.xhtml?id=1"
          }) {
        browser.open(adminPage);
        assertThat(browser.pageText()).as(adminPage).contains(NOT_FOUND_FR);
        assertThat(browser.isPresent("[id='create:submit']")).isFalse();
      }
    }
  }

  @Test
  void anImpersonatingAgentSeesExtensionsButNoSecretAndCannotRegenerate(DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    SeededUser agent = db.user("SUPPORT_AGENT", 1L);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.open("/extensions/index.xhtml");
      browser.type("create:number", "410");
      browser.type("create:displayName", "Kitchen");
      browser.find("[id='create:submit']").click();
      browser.find("#sipSecret");
    }
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, agent);
      browser.open("/support/index.xhtml?account=" + account);
      browser.type("act:reason", "EXT-1 phone setup");
      browser.submit("act:start");
      browser.find("#impersonation");
      browser.open("/extensions/index.xhtml");
      assertThat(browser.pageText()).contains("Kitchen");
      assertThat(browser.isPresent("[id$=':regenerate']")).isFalse();
      assertThat(browser.isPresent("[id$=':resetPin']")).isFalse();
      assertThat(browser.isPresent("[id='create:submit']")).isFalse();
      browser.open("/extensions/import.xhtml");
      assertThat(browser.pageText()).contains("Page not found");
    }
  }

  @Test
  void aCsvWithABrokenLineImportsNothingAndAGoodOneOffersTheCredentialsOnce(DialtoneServer server)
      throws java.io.IOException {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    java.nio.file.Path broken = java.nio.file.Files.createTempFile("extensions", ".csv");
    java.nio.file.Path good = java.nio.file.Files.createTempFile("extensions", ".csv");
    java.nio.file.Files.writeString(broken, "number,name,type\n501,Sales,user\n999,Oops,user\n");
    StringBuilder goodCsv =
        new StringBuilder("501,Sales,user\n502,\"Menu, main\",auto-attendant\n");
    for (int n = 3000; n < 4498; n++) {
      goodCsv.append(n).append(",Phone ").append(n).append(",user\n");
    }
    java.nio.file.Files.writeString(good, goodCsv);
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.open("/extensions/index.xhtml");
      browser.find("[id='create:import']").click();
      browser.waitForPath("/extensions/import.xhtml");
      browser.find("input[type='file']").sendKeys(broken.toString());
      browser.submit("upload:submit");
      browser.waitForText("Line 3: An extension cannot be, or start with, an emergency number.");
      assertThat(browser.text("[id='progress:refused']"))
          .isEqualTo("1 lines are wrong: nothing was imported.");
      assertThat(browser.text("[id='progress:checked']")).isEqualTo("3 of 3 lines checked");
      // the refusal may land while the bar of that same page is rendered: the next poll shows 100
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver(), java.time.Duration.ofSeconds(10))
          .until(
              d -> browser.text("[id='progress:checkBar'] .ui-progressbar-label").equals("100 %"));
      assertThat(browser.isPresent("[id='secrets:download']")).isFalse();
      assertThat(db.queryValue("SELECT COUNT(*) FROM extension WHERE account_id = ?", account))
          .isEqualTo(0L);

      // 1,500 lines: the page comes back at once with the progress bars, the poll brings the end.
      browser.find("input[type='file']").sendKeys(good.toString());
      browser.submit("upload:submit");
      browser.find("[id='progress:importBar']");
      browser.waitForText("extensions. Download their SIP credentials now");
      assertThat(browser.text("[id='progress:done']")).startsWith("Imported 1,500 extensions.");
      assertThat(browser.text("[id='progress:checked']")).isEqualTo("1,500 of 1,500 lines checked");
      assertThat(browser.text("[id='progress:stored']"))
          .isEqualTo("1,500 of 1,500 extensions created");
      assertThat(browser.text("[id='progress:importBar'] .ui-progressbar-label"))
          .isEqualTo("100 %");
      assertThat(db.queryValue("SELECT COUNT(*) FROM extension WHERE account_id = ?", account))
          .isEqualTo(1500L);
      assertThat(
              db.queryValue(
                  "SELECT class_of_service FROM call_policy_extension"
                      + " WHERE account_id = ? AND extension_number = '502'",
                  account))
          .isEqualTo("INTERNAL_ONLY");
      browser.find("[id='secrets:download']").click();
      browser.find("[id='secrets:download']").click();
      browser.waitForText("already downloaded");
    } finally {
      java.nio.file.Files.deleteIfExists(broken);
      java.nio.file.Files.deleteIfExists(good);
    }
  }

  /**
   * Picks the option of value {@code value} of a p:selectOneMenu through its native select (the
   * widget's overlay list is only its skin; the form submits the select).
   */
  private static void choose(Browser browser, String menuId, long value) {
    choose(browser, menuId, String.valueOf(value));
  }

  private static void choose(Browser browser, String menuId, String value) {
    browser.find("[id='" + menuId + "']");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript(
            "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));",
            menuId + "_input",
            String.valueOf(value));
    assertThat(
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                    "return document.getElementById(arguments[0]).value;", menuId + "_input"))
        .isEqualTo(String.valueOf(value));
  }
}
