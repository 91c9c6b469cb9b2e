package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final String EMAIL = "jane.doe@example.com";

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void elevenCharactersAreTooShort() {
    assertThat(policy.check("kx7vqm2rtw9", EMAIL)).containsExactly(PasswordViolation.TOO_SHORT);
  }

  @Test
  void twelveCharactersAreEnough() {
    assertThat(policy.check("kx7vqm2rtw9z", EMAIL)).isEmpty();
  }

  @Test
  void oneHundredTwentyEightCharactersAreAccepted() {
    assertThat(policy.check("a1".repeat(64), EMAIL)).isEmpty();
  }

  @Test
  void oneHundredTwentyNineCharactersAreRejectedNotTruncated() {
    assertThat(policy.check("a1".repeat(64) + "b", EMAIL))
        .containsExactly(PasswordViolation.TOO_LONG);
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    String elevenPlusEmoji = "kx7vqm2rtw" + "\ud83d\udd11";

    assertThat(policy.check(elevenPlusEmoji, EMAIL)).containsExactly(PasswordViolation.TOO_SHORT);
  }

  @Test
  void lettersOnlyIsRejected() {
    assertThat(policy.check("kxvqmrtwzbnp", EMAIL)).containsExactly(PasswordViolation.NO_DIGIT);
  }

  @Test
  void digitsOnlyIsRejected() {
    assertThat(policy.check("583920174652", EMAIL)).containsExactly(PasswordViolation.NO_LETTER);
  }

  @Test
  void commonPasswordPaddedWithDigitsIsRejected() {
    assertThat(policy.check("password1234", EMAIL)).containsExactly(PasswordViolation.TOO_COMMON);
    assertThat(policy.check("Qwerty123456!", EMAIL)).containsExactly(PasswordViolation.TOO_COMMON);
  }

  @Test
  void listedPasswordIsRejectedWhateverItsCase() {
    assertThat(policy.check("WinnieThePooh", EMAIL)).contains(PasswordViolation.TOO_COMMON);
  }

  @Test
  void listIsBundledAndLargeEnough() {
    assertThat(PasswordPolicy.commonPasswords())
        .hasSizeGreaterThanOrEqualTo(3000)
        .contains("password", "123456", "qwerty")
        .allMatch(word -> word.equals(word.toLowerCase(Locale.ROOT)))
        .noneMatch(String::isBlank)
        .noneMatch(word -> word.startsWith("#"));
  }

  @Test
  void emailLocalPartIsRejected() {
    assertThat(policy.check("xx-Jane.Doe-2024", EMAIL))
        .containsExactly(PasswordViolation.CONTAINS_EMAIL);
  }

  @Test
  void shortEmailLocalPartIsIgnored() {
    assertThat(policy.check("bob-kx7vqm2rtw", "bob@example.com")).isEmpty();
    assertThat(policy.check("kx7vqm2rtw9z", null)).isEmpty();
  }

  @Test
  void nullPasswordBreaksEveryContentRule() {
    assertThat(policy.check(null, EMAIL))
        .containsExactly(
            PasswordViolation.TOO_SHORT, PasswordViolation.NO_LETTER, PasswordViolation.NO_DIGIT);
  }

  @Test
  void violationsMapToMessageKeys() {
    assertThat(PasswordViolation.TOO_SHORT.messageKey()).isEqualTo("password.violation.TOO_SHORT");
    assertThat(PasswordViolation.TOO_COMMON.messageKey())
        .isEqualTo("password.violation.TOO_COMMON");
  }
}
