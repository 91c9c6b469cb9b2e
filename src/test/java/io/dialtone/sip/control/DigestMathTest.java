package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of RFC 7616 §3.9.1 (qop=auth, MD5 and SHA-256). */
class DigestMathTest {

  private static final String HEADER =
      "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\","
          + " algorithm=%s, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001,"
          + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
          + " response=\"%s\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

  @Test
  void md5MatchesTheRfcExample() {
    check(SipDigest.MD5, "MD5", "8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void sha256MatchesTheRfcExample() {
    check(
        SipDigest.SHA_256,
        "SHA-256",
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  private static void check(SipDigest digest, String name, String expected) {
    DigestCredentials credentials =
        DigestCredentials.parse(HEADER.formatted(name, expected)).orElseThrow();
    assertThat(DigestMath.algorithm(credentials.algorithm())).contains(digest);
    String ha1 = digest.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
    String response = DigestMath.response(digest, ha1, "GET", credentials);
    assertThat(response).isEqualTo(expected);
    assertThat(DigestMath.same(response, credentials.response())).isTrue();
    assertThat(DigestMath.same(response, expected.replace('a', 'b'))).isFalse();
  }

  @Test
  void parsesQuotedAndBareValuesAndRefusesMalformedHeaders() {
    DigestCredentials c =
        DigestCredentials.parse(
                "Digest username=\"a\\\"b\",realm=\"r\",nonce=n1,uri=\"sip:x\",response=\"AB\",nc=00000001")
            .orElseThrow();
    assertThat(c.username()).isEqualTo("a\"b");
    assertThat(c.nonce()).isEqualTo("n1");
    assertThat(c.response()).isEqualTo("ab");
    assertThat(c.algorithm()).isEqualTo("MD5");
    assertThat(DigestCredentials.parse("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(DigestCredentials.parse("Digest username=\"unterminated")).isEmpty();
    assertThat(DigestCredentials.parse("Digest realm=\"r\", nonce=\"n\"")).isEmpty();
    assertThat(DigestCredentials.parse("Digest username=a, username=b, nonce=n, response=r"))
        .isEmpty();
    assertThat(DigestCredentials.parse("Digest " + "x".repeat(5000))).isEmpty();
    assertThat(DigestCredentials.parse(null)).isEmpty();
    assertThat(DigestMath.algorithm("SHA-512-256")).isEmpty();
  }
}
