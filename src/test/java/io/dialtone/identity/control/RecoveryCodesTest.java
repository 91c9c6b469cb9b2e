package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.platform.control.SecureTokens;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  @Test
  void generatesTenDistinctFormattedCodes() {
    List<String> codes = RecoveryCodes.generate();

    assertThat(codes)
        .hasSize(10)
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
  }

  @Test
  void setsDoNotRepeat() {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      all.addAll(RecoveryCodes.generate());
    }
    assertThat(all).hasSize(1000);
  }

  @Test
  void codesUseTheWholeAlphabet() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      RecoveryCodes.generate().forEach(code -> code.chars().forEach(c -> seen.add((char) c)));
    }
    assertThat(seen).hasSize(33); // 32 Base32 symbols and the dash
  }

  @Test
  void normalizeUppercasesAndDropsSpacesAndDashes() {
    assertThat(RecoveryCodes.normalize(" abcd-efgh ijkl-MNOP\t")).isEqualTo("ABCDEFGHIJKLMNOP");
    assertThat(RecoveryCodes.normalize(null)).isEmpty();
  }

  @Test
  void hashIsSha256OfTheNormalizedCode() {
    String code = RecoveryCodes.generate().get(0);
    String typed = code.toLowerCase().replace("-", " ");

    assertThat(RecoveryCodes.hash(typed))
        .isEqualTo(RecoveryCodes.hash(code))
        .isEqualTo(SecureTokens.sha256Hex(code.replace("-", "")))
        .matches("[0-9a-f]{64}");
  }
}
