package io.dialtone.platform.boundary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How a moment reads for people: in one zone and one language, never as an ISO stamp. Recent and
 * near moments (within a day) read relative to now ("5 min ago", "in 2 hours"); others as a date
 * and time in the language's medium style. Pure functions, so they are tested without a page.
 *
 * <p>Values the pages hold: {@link Instant}, {@link ZonedDateTime}, {@link
 * java.time.OffsetDateTime}, {@link Date}, and {@link LocalDateTime} read as UTC wall-clock time
 * (how the stores hand out UTC columns); a {@link LocalDate} is a calendar day and is never moved
 * to another zone.
 */
public final class TimeTexts {

  private static final Duration RELATIVE_SPAN = Duration.ofHours(24);

  private TimeTexts() {}

  /** The moment {@code value} stands for; empty for {@code null}, a day, or another type. */
  public static Optional<Instant> instantOf(Object value) {
    return Optional.ofNullable(
        switch (value) {
          case Instant i -> i;
          case ZonedDateTime z -> z.toInstant();
          case java.time.OffsetDateTime o -> o.toInstant();
          case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
          case Date d -> d.toInstant();
          case null, default -> null;
        });
  }

  /** Date and time (or the day alone, for a {@link LocalDate}) in {@code zone}. */
  public static String dateTime(Object value, ZoneId zone, Locale locale, FormatStyle time) {
    if (value instanceof LocalDate day) {
      return date(day, locale);
    }
    return instantOf(value)
        .map(
            at ->
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, time)
                    .withLocale(locale)
                    .format(at.atZone(zone)))
        .orElse("");
  }

  /** The calendar day of {@code value} in {@code zone}. */
  public static String date(Object value, ZoneId zone, Locale locale) {
    if (value instanceof LocalDate day) {
      return date(day, locale);
    }
    return instantOf(value).map(at -> date(at.atZone(zone).toLocalDate(), locale)).orElse("");
  }

  /**
   * {@code value} relative to {@code now} when within a day of it, in words from {@code texts}
   * (bundle key and argument → text), else {@link #dateTime} with a short time.
   */
  public static String relative(
      Object value,
      Instant now,
      ZoneId zone,
      Locale locale,
      BiFunction<String, Long, String> texts) {
    Optional<Instant> at = instantOf(value);
    if (at.isEmpty()) {
      return dateTime(value, zone, locale, FormatStyle.SHORT);
    }
    Duration apart = Duration.between(at.get(), now);
    Duration distance = apart.abs();
    if (distance.compareTo(RELATIVE_SPAN) >= 0) {
      return dateTime(value, zone, locale, FormatStyle.SHORT);
    }
    if (distance.toMinutes() < 1) {
      return texts.apply("time.justNow", 0L);
    }
    boolean past = !apart.isNegative();
    if (distance.toHours() < 1) {
      return texts.apply(past ? "time.minutesAgo" : "time.inMinutes", distance.toMinutes());
    }
    return texts.apply(past ? "time.hoursAgo" : "time.inHours", distance.toHours());
  }

  /** The machine-readable form for {@code <time datetime>}: ISO 8601 with the zone's offset. */
  public static String iso(Object value, ZoneId zone) {
    if (value instanceof LocalDate day) {
      return day.toString();
    }
    return instantOf(value)
        .map(at -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)))
        .orElse("");
  }

  private static String date(LocalDate day, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
  }
}
