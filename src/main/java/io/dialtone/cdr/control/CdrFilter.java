package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DestinationClass;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the CDR list shows: one account's calls started in {@code [from, to)}, narrowed by any of
 * the optional filters ({@code null} = any). {@code numberPrefix} is matched against the leading
 * digits of the other party's number ({@code +} and spaces ignored), never inside it.
 */
public record CdrFilter(
    long accountId,
    Instant from,
    Instant to,
    String extension,
    Direction direction,
    Disposition disposition,
    DestinationClass destination,
    String country,
    String numberPrefix,
    Integer minBillsec) {

  /** The default range of the list: the last 30 days. */
  public static final Duration DEFAULT_RANGE = Duration.ofDays(30);

  private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,8}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,15}");

  public CdrFilter {
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    from = from.truncatedTo(ChronoUnit.MICROS);
    to = to.truncatedTo(ChronoUnit.MICROS);
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("empty range");
    }
    check(extension == null || EXTENSION.matcher(extension).matches(), "extension");
    check(country == null || COUNTRY.matcher(country).matches(), "country");
    numberPrefix = numberPrefix == null ? null : numberPrefix.replaceAll("[+\\s]", "");
    numberPrefix = numberPrefix == null || numberPrefix.isEmpty() ? null : numberPrefix;
    check(numberPrefix == null || PREFIX.matcher(numberPrefix).matches(), "number prefix");
    check(minBillsec == null || minBillsec >= 0, "minimum duration");
  }

  /** The default filter: the account's last 30 days up to {@code now}. */
  public static CdrFilter lastDays(long accountId, Instant now) {
    return new CdrFilter(
        accountId, now.minus(DEFAULT_RANGE), now, null, null, null, null, null, null, null);
  }

  public CdrFilter withExtension(String value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        value,
        direction,
        disposition,
        destination,
        country,
        numberPrefix,
        minBillsec);
  }

  public CdrFilter withDirection(Direction value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        value,
        disposition,
        destination,
        country,
        numberPrefix,
        minBillsec);
  }

  public CdrFilter withDisposition(Disposition value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        direction,
        value,
        destination,
        country,
        numberPrefix,
        minBillsec);
  }

  public CdrFilter withDestination(DestinationClass value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        direction,
        disposition,
        value,
        country,
        numberPrefix,
        minBillsec);
  }

  public CdrFilter withCountry(String value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        direction,
        disposition,
        destination,
        value,
        numberPrefix,
        minBillsec);
  }

  public CdrFilter withNumberPrefix(String value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        direction,
        disposition,
        destination,
        country,
        value,
        minBillsec);
  }

  public CdrFilter withMinBillsec(Integer value) {
    return new CdrFilter(
        accountId,
        from,
        to,
        extension,
        direction,
        disposition,
        destination,
        country,
        numberPrefix,
        value);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("invalid filter: " + what);
    }
  }
}
