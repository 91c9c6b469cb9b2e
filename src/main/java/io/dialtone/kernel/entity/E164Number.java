package io.dialtone.kernel.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form: {@code +}, a country code not starting with 0, at most 15
 * digits in all (ITU-T E.164 §6). Equal when the digits are.
 */
public record E164Number(String value) {

  /** Longest stored form: {@code +} and 15 digits. */
  public static final int MAX_LENGTH = 16;

  private static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{1,14}");

  public E164Number {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not an E.164 number");
    }
  }

  /** Whether {@code text} is in E.164 form. */
  public static boolean isValid(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /** The E.164 number {@code text} names, if it is one (input from the wire or a form). */
  public static Optional<E164Number> parse(String text) {
    return isValid(text) ? Optional.of(new E164Number(text)) : Optional.empty();
  }

  /** The digits without the {@code +}, e.g. {@code 442079460000}. */
  public String digits() {
    return value.substring(1);
  }

  @Override
  public String toString() {
    return value;
  }
}
