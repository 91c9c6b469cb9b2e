package io.dialtone.notification.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message to one person, before rendering: the kind names the bundle keys {@code
 * mail.<kind>.subject} and {@code mail.<kind>.body}; the arguments fill the body's {@code {0}},
 * {@code {1}} ... placeholders. Put a one-time link in an argument only for the notice that
 * delivers it; {@link #toString()} never shows arguments.
 */
public record Notice(String recipient, Locale locale, NoticeKind kind, List<String> arguments) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public Notice {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(kind, "kind");
    locale = locale == null ? Locale.ENGLISH : locale;
    arguments = List.copyOf(arguments);
  }

  public static Notice of(String recipient, Locale locale, NoticeKind kind, String... arguments) {
    return new Notice(recipient, locale, kind, List.of(arguments));
  }

  /** {@code at} as notices show a time: to the minute, UTC, the same in every language. */
  public static String when(Instant at) {
    return WHEN.format(at.truncatedTo(ChronoUnit.MINUTES));
  }

  @Override
  public String toString() {
    return "Notice[" + kind + " to " + recipient + "]";
  }
}
