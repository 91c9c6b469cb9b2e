package io.dialtone.kernel.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number of an extension within its account: {@value #MIN_DIGITS} to {@value #MAX_DIGITS}
 * digits (an account's own range is narrower, e.g. 2–6 digits). Equal when the digits are.
 */
public record ExtensionNumber(String digits) {

  public static final int MIN_DIGITS = 1;
  public static final int MAX_DIGITS = 8;

  private static final Pattern FORM =
      Pattern.compile("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

  public ExtensionNumber {
    if (digits == null || !FORM.matcher(digits).matches()) {
      throw new IllegalArgumentException("not an extension number");
    }
  }

  /** Whether {@code text} is an extension number. */
  public static boolean isValid(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /** The extension number {@code text} names, if it is one (input from the wire or a form). */
  public static Optional<ExtensionNumber> parse(String text) {
    return isValid(text) ? Optional.of(new ExtensionNumber(text)) : Optional.empty();
  }

  @Override
  public String toString() {
    return digits;
  }
}
