package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;

/** Signing a seeded user in through the real pages: password, then a TOTP code. */
final class SignIn {

  private SignIn() {}

  static void withPassword(Browser browser, SeededUser user, String password) {
    browser.open("/signin.xhtml");
    browser.type("signin:email", user.email());
    browser.type("signin:password", password);
    browser.submit("signin:submit");
  }

  /** Both factors, with a TOTP step not used before (see {@link Totp#freshCode}). */
  static void withBothFactors(Browser browser, SeededUser user) {
    withPassword(browser, user, user.password());
    browser.type("mfa:code", Totp.freshCode(user.totpSecret()));
    browser.submit("mfa:verify");
    assertThat(browser.path()).isEqualTo("/home.xhtml");
  }
}
