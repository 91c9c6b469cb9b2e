package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokensTest {

  @Test
  void tokenIsBase64UrlWithoutPaddingAndCarriesTheRequestedBits() {
    String token = SecureTokens.newToken(128);

    assertThat(token).matches("[A-Za-z0-9_-]{22}");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
    assertThat(Base64.getUrlDecoder().decode(SecureTokens.newToken(256))).hasSize(32);
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(SecureTokens.newToken(128));
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void tokenBelow128BitsIsRefused() {
    assertThatThrownBy(() -> SecureTokens.newToken(127))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sha256HexMatchesTheKnownDigest() {
    assertThat(SecureTokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(SecureTokens.sha256Hex("")).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void sha256HexHashesUtf8Bytes() {
    assertThat(SecureTokens.sha256Hex("\u00e9"))
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }

  @Test
  void constantTimeEqualsComparesContent() {
    assertThat(SecureTokens.constantTimeEquals("secret", "secret")).isTrue();
    assertThat(SecureTokens.constantTimeEquals("secret", "secreT")).isFalse();
    assertThat(SecureTokens.constantTimeEquals("secret", "secret2")).isFalse();
    assertThat(SecureTokens.constantTimeEquals("", "")).isTrue();
    assertThat(SecureTokens.constantTimeEquals(null, "x")).isFalse();
    assertThat(SecureTokens.constantTimeEquals(null, null)).isFalse();
  }
}
