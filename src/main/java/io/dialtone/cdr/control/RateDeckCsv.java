package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.BillingIncrement;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.kernel.entity.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a rate deck from CSV, line by line, collecting every error (never stopping at the first).
 * Format, UTF-8, comma-separated, fields may be double-quoted:
 *
 * <pre>
 * prefix,description,price_per_minute,currency,increment,effective_from,effective_to
 * +44,United Kingdom,0.02000,CAD,6/6,2026-01-01,
 * </pre>
 *
 * Prefix {@code +} and 1-15 digits; price a decimal ≥ 0 with at most 5 decimals; currency ISO 4217;
 * increment {@code first/next} seconds; dates ISO ({@code 2026-01-01} = midnight UTC, or an instant
 * {@code 2026-01-01T12:00:00Z}); effective_to empty = open. Two lines of the same prefix and
 * currency whose periods overlap are refused (the deck must say one price at any time).
 */
public final class RateDeckCsv {

  public static final String HEADER =
      "prefix,description,price_per_minute,currency,increment,effective_from,effective_to";
  public static final int MAX_LINES = 200_000;
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
    try (BufferedReader in = new BufferedReader(input)) {
      String header = in.readLine();
      if (header == null || !HEADER.equals(stripBom(header).strip())) {
        errors.add(new RateLineError(1, "rates.error.header", HEADER));
        return new Result(List.of(), errors);
      }
      int number = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (number > MAX_LINES + 1) {
          errors.add(new RateLineError(number, "rates.error.tooMany", String.valueOf(MAX_LINES)));
          break;
        }
        Rate rate = line(number, line, errors);
        if (rate != null) {
          rates.add(rate);
          lineOf.add(number);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    overlaps(rates, lineOf, errors);
    if (rates.isEmpty() && errors.isEmpty()) {
      errors.add(new RateLineError(1, "rates.error.empty", ""));
    }
    errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(errors.isEmpty() ? rates : List.of(), errors);
  }

  private static Rate line(int number, String line, List<RateLineError> errors) {
    List<String> f = fields(line);
    if (f == null || f.size() != 7) {
      errors.add(new RateLineError(number, "rates.error.columns", String.valueOf(7)));
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
        Money.of(new BigDecimal(price), currency),
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

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** The fields of one line (double quotes around a field, "" inside), or null if malformed. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        return null;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
