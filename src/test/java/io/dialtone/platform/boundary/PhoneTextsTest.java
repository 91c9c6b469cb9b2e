package io.dialtone.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneTextsTest {

  @Test
  void aNumberOfTheViewersCountryIsWrittenTheNationalWay() {
    assertThat(PhoneTexts.format("+16135550123", "CA")).isEqualTo("(613) 555-0123");
    assertThat(PhoneTexts.format("+33142685300", "FR")).isEqualTo("01 42 68 53 00");
    assertThat(PhoneTexts.format("+12125550123", "CA")).isEqualTo("(212) 555-0123");
  }

  @Test
  void aForeignNumberIsWrittenTheInternationalWay() {
    assertThat(PhoneTexts.format("+33142685300", "CA")).isEqualTo("+33 1 42 68 53 00");
    assertThat(PhoneTexts.format("+16135550123", "FR")).isEqualTo("+1 613-555-0123");
    assertThat(PhoneTexts.format("+16135550123", null)).isEqualTo("+1 613-555-0123");
  }

  @Test
  void whatIsNotAnE164NumberIsShownAsItIs() {
    assertThat(PhoneTexts.format("201", "CA")).isEqualTo("201");
    assertThat(PhoneTexts.format("+12", "CA")).isEqualTo("+12");
    assertThat(PhoneTexts.format("+abc", "CA")).isEqualTo("+abc");
    assertThat(PhoneTexts.format(null, "CA")).isEmpty();
  }
}
