package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LimitRequestWordingTest {

  @Test
  void aRequestsEndIsADateInTheRecipientsLanguageOrForGood() {
    LocalDate end = LocalDate.of(2027, 3, 31);
    assertThat(UsageNotices.until(end, Locale.ENGLISH)).isEqualTo("until March 31, 2027");
    assertThat(UsageNotices.until(end, Locale.FRENCH)).isEqualTo("jusqu’au 31 mars 2027");
    assertThat(UsageNotices.until(null, Locale.ENGLISH)).isEqualTo("for good");
    assertThat(UsageNotices.until(null, Locale.FRENCH)).isEqualTo("sans limite de durée");
  }
}
