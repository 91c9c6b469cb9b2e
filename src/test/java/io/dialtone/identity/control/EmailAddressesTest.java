package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user may type as a new e-mail address, and how another address shows in a notice. */
class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane@example.com",
        "  Jane.Doe+voip@Sub.Example.CO  ",
        "o'brien@example.ie",
        "x@a-b.example.test"
      })
  void acceptsOrdinaryAddresses(String email) {
    assertThat(EmailAddresses.isValid(email)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "jane",
        "jane@",
        "@example.com",
        "jane@example",
        "jane doe@example.com",
        "jane@@example.com",
        "jane@-example.com",
        "jane@example.com\r\nBcc: x@y.z",
        "jane@exa_mple.com"
      })
  void refusesMalformedAddresses(String email) {
    assertThat(EmailAddresses.isValid(email)).isFalse();
  }

  @Test
  void refusesNullAndAddressesOver254Characters() {
    String at254 = "a".repeat(64) + "@" + domain(57);
    String at255 = "a".repeat(64) + "@" + domain(58);
    assertThat(at254).hasSize(254);
    assertThat(at255).hasSize(255);

    assertThat(EmailAddresses.isValid(at254)).isTrue();
    assertThat(EmailAddresses.isValid(at255)).isFalse();
    assertThat(EmailAddresses.isValid(null)).isFalse();
  }

  private static String domain(int lastLabel) {
    return "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(lastLabel) + ".com";
  }

  @Test
  void maskedAddressesShowTheFirstCharacterAndTheDomainOnly() {
    assertThat(CredentialNotices.masked("jane.doe@example.com")).isEqualTo("j•••@example.com");
    assertThat(CredentialNotices.masked("nodomain")).isEqualTo("•••");
    assertThat(CredentialNotices.masked(null)).isEmpty();
  }
}
