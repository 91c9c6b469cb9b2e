package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.BillingIncrement;
import io.dialtone.cdr.entity.Money;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.platform.control.CsvTable;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a rate deck from CSV ({@link CsvTable}), row by row, collecting every error (never stopping
 * at the first, unless a broken quote leaves the rest unreadable). Format, UTF-8, comma-separated,
 * fields may be double-quoted, the header line first:
 *
 * <pre>
 * prefix,description,price_per_minute,currency,increment,effective_from,effective_to
 * +44,United Kingdom,0.02000,CAD,6/6,2026-01-01,
 * </pre>
 *
 * Prefix {@code +} and 1-15 digits; price a decimal ≥ 0 with at most 5 decimals; currency ISO 4217;
 * increment {@code first/next} seconds; dates ISO ({@code 2026-01-01} = midnight UTC, or an instant
 * {@code 2026-01-01T12:00:00Z}); effective_to empty = open. Two lines of the same prefix and
 * currency whose periods overlap are refused (the deck must say one price at any time). At most
 * {@value #MAX_LINES} rates.
 */
public final class RateDeckCsv {

  public static final String HEADER =
      "prefix,description,price_per_minute,currency,increment,effective_from,effective_to";
  public static final int MAX_LINES = 200_000;
  private static final String COLUMNS = "7";
  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");
  private static final Pattern PRICE = Pattern.compile("[0-9]{1,5}(\\.[0-9]{1,5})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** The rates read, or the errors; rates are only usable when there is no error. */
  public record Result(List<Rate> rates, List<RateLineError> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private RateDeckCsv() {}

  public static Result parse(Reader input) {
    List<Rate> rates = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    List<RateLineError> errors = new ArrayList<>();
    Optional<CsvTable.Stop> stop =
        CsvTable.read(
            input,
            CsvTable.Header.required(CsvTable.names(HEADER)),
            MAX_LINES,
            row -> {
              Rate rate = line(row, errors);
              if (rate != null) {
                rates.add(rate);
                lineOf.add(row.line());
              }
            });
    if (stop.isPresent()) {
      errors.add(stopError(stop.get()));
      if (stop.get().trouble() == CsvTable.Trouble.NO_HEADER) {
        return new Result(List.of(), errors);
      }
    }
    overlaps(rates, lineOf, errors);
    if (rates.isEmpty() && errors.isEmpty()) {
      errors.add(new RateLineError(1, "rates.error.empty", ""));
    }
    errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(errors.isEmpty() ? rates : List.of(), errors);
  }

  private static RateLineError stopError(CsvTable.Stop stop) {
    return switch (stop.trouble()) {
      case NO_HEADER -> new RateLineError(stop.line(), "rates.error.header", HEADER);
      case MALFORMED -> new RateLineError(stop.line(), "rates.error.columns", COLUMNS);
      case TOO_MANY_ROWS ->
          new RateLineError(stop.line(), "rates.error.tooMany", String.valueOf(MAX_LINES));
    };
  }

  private static Rate line(CsvTable.Row row, List<RateLineError> errors) {
    int number = row.line();
    List<String> f = row.cells();
    if (f.size() != 7) {
      errors.add(new RateLineError(number, "rates.error.columns", COLUMNS));
      return null;
    }
    int before = errors.size();
    String prefix = f.get(0).strip();
    check(PREFIX.matcher(prefix).matches(), number, "rates.error.prefix", prefix, errors);
    String description = f.get(1).strip();
    check(
        description.length() <= Rate.DESCRIPTION_MAX,
        number,
        "rates.error.description",
        String.valueOf(Rate.DESCRIPTION_MAX),
        errors);
    // A quoted cell may span lines, but a destination is one line of text on every page.
    check(
        description.chars().noneMatch(Character::isISOControl),
        number,
        "rates.error.lineBreak",
        "",
        errors);
    String price = f.get(2).strip();
    check(PRICE.matcher(price).matches(), number, "rates.error.price", price, errors);
    String currency = f.get(3).strip();
    check(CURRENCY.matcher(currency).matches(), number, "rates.error.currency", currency, errors);
    BillingIncrement increment = null;
    try {
      increment = BillingIncrement.parse(f.get(4));
    } catch (IllegalArgumentException e) {
      errors.add(new RateLineError(number, "rates.error.increment", f.get(4).strip()));
    }
    Instant from = time(f.get(5), number, errors, false);
    Instant to = time(f.get(6), number, errors, true);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(new RateLineError(number, "rates.error.period", f.get(6).strip()));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Rate(
        prefix,
        description.isEmpty() ? null : description,
        new Money(new BigDecimal(price), currency),
        increment,
        from,
        to);
  }

  private static Instant time(
      String text, int number, List<RateLineError> errors, boolean optional) {
    String value = text.strip();
    if (value.isEmpty()) {
      if (!optional) {
        errors.add(new RateLineError(number, "rates.error.date", value));
      }
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new RateLineError(number, "rates.error.date", value));
      return null;
    }
  }

  private static void overlaps(List<Rate> rates, List<Integer> lineOf, List<RateLineError> errors) {
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < rates.size(); i++) {
      Rate rate = rates.get(i);
      List<Integer> same =
          byKey.computeIfAbsent(
              rate.getPrefix() + ' ' + rate.getCurrency(), k -> new ArrayList<>());
      for (int j : same) {
        if (overlap(rates.get(j), rate)) {
          errors.add(
              new RateLineError(
                  lineOf.get(i), "rates.error.overlap", String.valueOf(lineOf.get(j))));
          break;
        }
      }
      same.add(i);
    }
  }

  private static boolean overlap(Rate a, Rate b) {
    return (a.getEffectiveTo() == null || b.getEffectiveFrom().isBefore(a.getEffectiveTo()))
        && (b.getEffectiveTo() == null || a.getEffectiveFrom().isBefore(b.getEffectiveTo()));
  }

  private static void check(
      boolean ok, int number, String key, String value, List<RateLineError> errors) {
    if (!ok) {
      errors.add(new RateLineError(number, key, value));
    }
  }
}
