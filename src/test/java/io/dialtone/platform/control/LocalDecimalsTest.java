package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalDecimalsTest {

  @Test
  void frenchReadsACommaOrAPointAndSpacesBetweenThousands() {
    assertThat(LocalDecimals.parse("20,50", Locale.FRENCH)).contains(new BigDecimal("20.50"));
    assertThat(LocalDecimals.parse("20.50", Locale.FRENCH)).contains(new BigDecimal("20.50"));
    assertThat(LocalDecimals.parse("1 250,5", Locale.FRENCH)).contains(new BigDecimal("1250.5"));
    assertThat(LocalDecimals.parse("1\u202F250", Locale.FRENCH)).contains(new BigDecimal("1250"));
  }

  @Test
  void englishReadsAPointAndCommasBetweenThousands() {
    assertThat(LocalDecimals.parse("20.50", Locale.ENGLISH)).contains(new BigDecimal("20.50"));
    assertThat(LocalDecimals.parse("1,250.5", Locale.ENGLISH)).contains(new BigDecimal("1250.5"));
  }

  @Test
  void whatIsNotANumberIsRefused() {
    assertThat(LocalDecimals.parse("4O", Locale.ENGLISH)).isEmpty();
    assertThat(LocalDecimals.parse("1e5", Locale.ENGLISH)).isEmpty();
    assertThat(LocalDecimals.parse("1.250,5", Locale.FRENCH)).isEmpty();
    assertThat(LocalDecimals.parse("--2", Locale.FRENCH)).isEmpty();
  }

  @Test
  void aValueIsWrittenBackWithTheLanguagesSeparator() {
    assertThat(LocalDecimals.format(new BigDecimal("20.50"), Locale.FRENCH)).isEqualTo("20,50");
    assertThat(LocalDecimals.format(new BigDecimal("20.50"), Locale.ENGLISH)).isEqualTo("20.50");
  }
}
