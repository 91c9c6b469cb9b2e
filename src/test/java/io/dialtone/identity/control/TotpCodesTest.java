package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpCodesTest {

  /** ASCII "12345678901234567890", the RFC 6238 SHA1 test key, in Base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final TotpCodes totp = new TotpCodes();
  private final String secret = TotpCodes.newSecret();
  private final Instant now = Instant.parse("2025-03-01T10:15:45Z");
  private final long current = TotpCodes.stepAt(now);

  @Test
  void rfc6238Sha1VectorsTruncatedToSixDigits() {
    assertThat(totp.codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(59))))
        .isEqualTo("287082");
    assertThat(totp.codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1111111109L))))
        .isEqualTo("081804");
    assertThat(totp.codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1234567890L))))
        .isEqualTo("005924");
    assertThat(totp.codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(2000000000L))))
        .isEqualTo("279037");
  }

  @Test
  void rfcVectorIsAcceptedAtItsTime() {
    assertThat(totp.acceptedStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59))).hasValue(1);
  }

  @Test
  void stepIsEpochSecondsOverThirty() {
    assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(0))).isZero();
    assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(29))).isZero();
    assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
    assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
  }

  @Test
  void currentStepIsAccepted() {
    assertThat(totp.acceptedStep(secret, totp.codeAt(secret, current), now)).hasValue(current);
  }

  @Test
  void previousStepIsAccepted() {
    assertThat(totp.acceptedStep(secret, totp.codeAt(secret, current - 1), now))
        .hasValue(current - 1);
  }

  @Test
  void twoStepsBackAreRejected() {
    String old = totp.codeAt(secret, current - 2);
    assumeDistinct(old, current, current - 1);

    assertThat(totp.acceptedStep(secret, old, now)).isEmpty();
  }

  @Test
  void nextStepIsRejected() {
    String early = totp.codeAt(secret, current + 1);
    assumeDistinct(early, current, current - 1);

    assertThat(totp.acceptedStep(secret, early, now)).isEmpty();
  }

  @Test
  void spacesAreIgnored() {
    String code = totp.codeAt(secret, current);
    String spaced = " " + code.substring(0, 3) + " " + code.substring(3) + " ";

    assertThat(totp.acceptedStep(secret, spaced, now)).hasValue(current);
  }

  @Test
  void anythingButSixDigitsIsRejected() {
    String code = totp.codeAt(secret, current);

    assertThat(totp.acceptedStep(secret, null, now)).isEmpty();
    assertThat(totp.acceptedStep(secret, "", now)).isEmpty();
    assertThat(totp.acceptedStep(secret, "abcdef", now)).isEmpty();
    assertThat(totp.acceptedStep(secret, code.substring(0, 5), now)).isEmpty();
    assertThat(totp.acceptedStep(secret, code + "0", now)).isEmpty();
    assertThat(totp.acceptedStep(secret, "0" + code, now)).isEmpty();
    assertThat(totp.acceptedStep(secret, code.substring(0, 5) + "x", now)).isEmpty();
    assertThat(totp.acceptedStep(secret, "-" + code.substring(1), now)).isEmpty();
    String arabicIndic =
        code.chars()
            .mapToObj(c -> String.valueOf((char) (c - '0' + 0x0660)))
            .reduce("", String::concat);
    assertThat(totp.acceptedStep(secret, arabicIndic, now)).isEmpty();
  }

  @Test
  void newSecretIsBase32OfAtLeast160Bits() {
    assertThat(TotpCodes.newSecret()).matches("[A-Z2-7]{32}");
    assertThat(TotpCodes.newSecret()).isNotEqualTo(TotpCodes.newSecret());
  }

  @Test
  void otpauthUriNamesEveryParameterAndEncodesTheLabel() {
    String uri = totp.otpauthUri("Dialtone Portal", "jane+ops@example.com", RFC_SECRET);

    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Dialtone%20Portal:jane%2Bops%40example.com"
                + "?secret="
                + RFC_SECRET
                + "&issuer=Dialtone%20Portal&algorithm=SHA1&digits=6&period=30");
    URI parsed = URI.create(uri);
    assertThat(parsed.getScheme()).isEqualTo("otpauth");
    assertThat(parsed.getPath()).isEqualTo("/Dialtone Portal:jane+ops@example.com");
  }

  @Test
  void otpauthLabelPartsMayNotHoldAColon() {
    assertThatThrownBy(() -> totp.otpauthUri("Dial:tone", "jane", RFC_SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> totp.otpauthUri("Dialtone", " ", RFC_SECRET))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A random secret may, once in 10^6, give the same code for two steps: skip that case. */
  private void assumeDistinct(String code, long... steps) {
    for (long step : steps) {
      assumeFalse(code.equals(totp.codeAt(secret, step)));
    }
  }
}
