package io.dialtone.platform.control;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decimal numbers as people type and read them in their language: {@code 20,50} or {@code 1 250,5}
 * in French, {@code 20.50} or {@code 1,250.5} in English. A French user may also type a point as
 * the decimal separator (keyboards and habits mix); an English comma is always a thousands
 * separator. Exponents, several signs or letters are refused.
 */
public final class LocalDecimals {

  private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009]+");

  private LocalDecimals() {}

  /** The number {@code typed} means in {@code locale}; empty when it is not a number. */
  public static Optional<BigDecimal> parse(String typed, Locale locale) {
    if (typed == null) {
      return Optional.empty();
    }
    String text = SPACES.matcher(typed.strip()).replaceAll("");
    if (decimalSeparator(locale) == ',') {
      if (text.indexOf(',') >= 0 && text.indexOf('.') >= 0) {
        return Optional.empty(); // 1.250,5: ambiguous, a grouping point is not a French habit
      }
      text = text.replace(',', '.');
    } else {
      text = text.replace(",", "");
    }
    if (!PLAIN.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text));
  }

  /** {@code value} for an input field in {@code locale}: no grouping, all its decimals. */
  public static String format(BigDecimal value, Locale locale) {
    if (value == null) {
      return "";
    }
    return value.toPlainString().replace('.', decimalSeparator(locale));
  }

  private static char decimalSeparator(Locale locale) {
    return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
  }
}
