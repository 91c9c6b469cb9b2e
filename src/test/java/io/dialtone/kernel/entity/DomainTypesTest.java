package io.dialtone.kernel.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainTypesTest {

  @Test
  void anAccountIdIsPositive() {
    assertThat(AccountId.of(42)).isEqualTo(new AccountId(42)).hasToString("42");
    assertThatThrownBy(() -> new AccountId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccountId(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExtensionNumberIsOneToEightDigits() {
    assertThat(new ExtensionNumber("201")).isEqualTo(new ExtensionNumber("201"));
    assertThat(ExtensionNumber.parse("12345678")).contains(new ExtensionNumber("12345678"));
    for (String bad : new String[] {"", "123456789", "20a", " 201", "+201"}) {
      assertThat(ExtensionNumber.parse(bad)).as(bad).isEmpty();
      assertThatThrownBy(() -> new ExtensionNumber(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ExtensionNumber.parse(null)).isEmpty();
  }

  @Test
  void anE164NumberIsPlusAndUpToFifteenDigitsWithoutALeadingZero() {
    E164Number number = new E164Number("+442079460000");
    assertThat(number.digits()).isEqualTo("442079460000");
    assertThat(E164Number.parse("+442079460000")).contains(number);
    for (String bad : new String[] {"442079460000", "+0123", "+1", "+1234567890123456", "+44 20"}) {
      assertThat(E164Number.parse(bad)).as(bad).isEmpty();
      assertThatThrownBy(() -> new E164Number(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aSipDomainIsALowerCaseDomainNameAndParsesInAnyCase() {
    SipDomain domain = SipDomain.of("C-000042", "Voice.Example.com");
    assertThat(domain.value()).isEqualTo("c-000042.sip.voice.example.com");
    assertThat(SipDomain.parse("C-000042.SIP.voice.example.COM")).contains(domain);
    assertThatThrownBy(() -> new SipDomain("C-000042.sip.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    for (String bad : new String[] {"localhost", "a..b", "-a.b", "a_b.com", ""}) {
      assertThat(SipDomain.parse(bad)).as(bad).isEmpty();
    }
    assertThat(SipDomain.parse(null)).isEmpty();
    assertThat(SipDomain.parse("a." + "b".repeat(60) + ".c".repeat(70))).isEmpty();
  }
}
