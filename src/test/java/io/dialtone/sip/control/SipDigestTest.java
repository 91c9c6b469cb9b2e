package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.kernel.entity.SipDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HA1 against the RFC 7616 §3.9.1 example (user Mufasa, realm http-auth@example.org, password
 * "Circle of Life"): the response the RFC prints is computed from our HA1 with its nonce, cnonce
 * and request, for SHA-256 and MD5. Plus the realm rules.
 */
class SipDigestTest {

  private static final String USER = "Mufasa";
  private static final String REALM = "http-auth@example.org";
  private static final String PASSWORD = "Circle of Life";
  private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  @ParameterizedTest
  @CsvSource({
    "SHA_256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    "MD5, 8ca523f5e9506fed4657c9700eebdbec"
  })
  void theRfc7616ExampleResponseFollowsFromOurHa1(SipDigest digest, String expectedResponse) {
    String ha1 = digest.ha1(USER, REALM, PASSWORD);
    String ha2 = digest.hex("GET:/dir/index.html");
    String response = digest.hex(ha1 + ":" + NONCE + ":00000001:" + CNONCE + ":auth:" + ha2);
    assertThat(response).isEqualTo(expectedResponse);
  }

  @Test
  void ha1IsLowerCaseHexOfTheAlgorithmsLength() {
    assertThat(SipDigest.SHA_256.ha1(USER, REALM, PASSWORD)).matches("[0-9a-f]{64}");
    assertThat(SipDigest.MD5.ha1(USER, REALM, PASSWORD)).matches("[0-9a-f]{32}");
    assertThat(SipDigest.SHA_256.algorithm()).isEqualTo("SHA-256");
    assertThat(SipDigest.MD5.algorithm()).isEqualTo("MD5");
  }

  @Test
  void theRealmIsTheAccountsSipDomainInLowerCase() {
    assertThat(SipDomain.of("C-000042", "Voice.Example.com").value())
        .isEqualTo("c-000042.sip.voice.example.com");
    assertThatThrownBy(() -> SipDomain.of("C 42", "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SipDomain.of("C-1", "bad_domain.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SipDomain.of("", "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SipDomain("x".repeat(60) + "." + "y".repeat(60) + ".com.".repeat(20)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
