package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extensions with known SIP secrets for the SIP tests, made the product's way: a customer
 * administrator creates them on the Extensions page, which shows each secret once.
 */
final class SipExtensions {

  /** One extension's SIP identity. */
  record Extension(String number, String realm, String secret) {}

  private SipExtensions() {}

  /** A new customer account with extensions {@code numbers}, keyed by number. */
  static Map<String, Extension> create(DialtoneServer server, String... numbers) {
    TestUsers db = new TestUsers(server);
    long account = db.newCustomerAccount();
    return create(server, db.user("CUSTOMER_ADMIN", account), numbers);
  }

  /** Extensions {@code numbers} made by {@code admin} in their account, keyed by number. */
  static Map<String, Extension> create(DialtoneServer server, SeededUser admin, String... numbers) {
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      return create(browser, numbers);
    }
  }

  /** Extensions {@code numbers} made by the customer administrator signed in on {@code browser}. */
  static Map<String, Extension> create(Browser browser, String... numbers) {
    Map<String, Extension> made = new LinkedHashMap<>();
    for (String number : numbers) {
      browser.open("/extensions/index.xhtml");
      browser.type("create:number", number);
      browser.type("create:displayName", "Phone " + number);
      browser.find("[id='create:submit']").click();
      String secret = browser.text("#sipSecret");
      assertThat(secret).matches("[A-Za-z0-9_-]{22}");
      assertThat(browser.text("#sipUser")).isEqualTo(number);
      made.put(number, new Extension(number, browser.text("#realm"), secret));
    }
    return made;
  }

  /** {@code admin} disables extension {@code number} on the Extensions page. */
  static void disable(DialtoneServer server, SeededUser admin, String number) {
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.open("/extensions/index.xhtml");
      browser.clickInRow("extensions:table", "Phone " + number, "disable");
      browser.find("[id='extensions:table'] [id$=':enable']");
    }
  }

  /** The SIP port of the shared test server (UDP and TCP; TLS on the next one). */
  static int sipPort() {
    return Integer.getInteger("dialtone.test.sip-port", 5070);
  }
}
