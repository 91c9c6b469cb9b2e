package io.dialtone.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prompt's one field: six digits are an authenticator code, anything else a password. */
class StepUpPromptTest {

  @Test
  void sixDigitsAreACode() {
    assertThat(StepUpPrompt.isTotpCode("123456")).isTrue();
    assertThat(StepUpPrompt.isTotpCode(" 123 456 ")).isTrue();
  }

  @Test
  void anythingElseIsAPassword() {
    assertThat(StepUpPrompt.isTotpCode("12345")).isFalse();
    assertThat(StepUpPrompt.isTotpCode("1234567")).isFalse();
    assertThat(StepUpPrompt.isTotpCode("Correct-Horse-123456")).isFalse();
    assertThat(StepUpPrompt.isTotpCode("123456789012")).isFalse();
    assertThat(StepUpPrompt.isTotpCode(null)).isFalse();
  }
}
