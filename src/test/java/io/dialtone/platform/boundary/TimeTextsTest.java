package io.dialtone.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class TimeTextsTest {

  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
  private static final BiFunction<String, Long, String> KEYS = (key, n) -> key + ":" + n;

  @Test
  void aMomentIsShownInTheViewersZoneAndLanguageNeverAsAnIsoStamp() {
    Instant at = Instant.parse("2026-12-07T03:30:00Z"); // 22:30 the day before in Toronto
    assertThat(TimeTexts.dateTime(at, TORONTO, Locale.ENGLISH, FormatStyle.SHORT))
        .contains("Dec 6, 2026")
        .contains("10:30")
        .doesNotContain("T03");
    assertThat(TimeTexts.dateTime(at, TORONTO, Locale.FRENCH, FormatStyle.SHORT))
        .contains("6 déc. 2026")
        .contains("22:30");
    assertThat(TimeTexts.date(at, TORONTO, Locale.ENGLISH)).isEqualTo("Dec 6, 2026");
  }

  @Test
  void aLocalDateTimeIsReadAsUtcAndADayIsNeverMoved() {
    LocalDateTime utc = LocalDateTime.parse("2026-12-07T03:30:00");
    assertThat(TimeTexts.dateTime(utc, TORONTO, Locale.FRENCH, FormatStyle.SHORT))
        .contains("22:30");
    assertThat(TimeTexts.date(LocalDate.parse("2026-12-07"), TORONTO, Locale.ENGLISH))
        .isEqualTo("Dec 7, 2026");
    assertThat(TimeTexts.iso(utc, TORONTO)).isEqualTo("2026-12-06T22:30:00-05:00");
  }

  @Test
  void withinADayOfNowAMomentReadsRelative() {
    assertThat(relative(NOW.minusSeconds(20))).isEqualTo("time.justNow:0");
    assertThat(relative(NOW.minusSeconds(5 * 60 + 10))).isEqualTo("time.minutesAgo:5");
    assertThat(relative(NOW.minusSeconds(3 * 3600))).isEqualTo("time.hoursAgo:3");
    assertThat(relative(NOW.plusSeconds(10 * 60))).isEqualTo("time.inMinutes:10");
    assertThat(relative(NOW.plusSeconds(2 * 3600 + 59))).isEqualTo("time.inHours:2");
    assertThat(relative(NOW.minusSeconds(25 * 3600))).isEqualTo("Dec 6, 2026, 9:00 AM");
  }

  @Test
  void nothingForNothing() {
    assertThat(TimeTexts.dateTime(null, TORONTO, Locale.ENGLISH, FormatStyle.SHORT)).isEmpty();
    assertThat(TimeTexts.iso(null, TORONTO)).isEmpty();
  }

  private static String relative(Instant at) {
    return TimeTexts.relative(at, NOW, TORONTO, Locale.ENGLISH, KEYS)
        .replace('\u202f', ' '); // the JDK's CLDR puts a narrow space before AM/PM
  }
}
