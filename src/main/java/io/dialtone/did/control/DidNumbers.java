package io.dialtone.did.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.dialtone.kernel.entity.E164Number;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into DIDs, with libphonenumber: one number in E.164 ({@code +1 613 555
 * 0123}) or in the national format of the account's country ({@code (613) 555-0123} in Canada,
 * {@code 01 23 45 67 89} in France); a list (one per line or separated by commas or semicolons, as
 * a one-column CSV, a header line {@code number} allowed); or a range from one number to another of
 * the same length, at most {@value #MAX_RANGE} numbers. Only numbers libphonenumber holds valid for
 * their country are accepted. Pure: no database, no CDI.
 */
public final class DidNumbers {

  /** The most numbers one range or one list adds. */
  public static final int MAX_RANGE = 10_000;

  /** The longest text of one typed number, separators included. */
  public static final int MAX_TYPED = 32;

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
  private static final Pattern ITEM_SEPARATORS = Pattern.compile("[\\r\\n,;]+");
  private static final Pattern TYPED = Pattern.compile("[+]?[0-9 ().\\-/]+");

  private DidNumbers() {}

  /**
   * The E.164 number {@code typed} is, read with {@code country} (ISO 3166 alpha-2) for a national
   * format.
   *
   * @throws DidRefused {@code dids.refused.invalid} naming the text, when it is no valid number
   */
  public static E164Number parse(String typed, String country) throws DidRefused {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new DidRefused("dids.refused.empty");
    }
    if (text.length() > MAX_TYPED || !TYPED.matcher(text).matches()) {
      throw new DidRefused("dids.refused.invalid", shorten(text));
    }
    try {
      PhoneNumber number = PHONE_NUMBERS.parse(text, country.toUpperCase(Locale.ROOT));
      if (!PHONE_NUMBERS.isValidNumber(number)) {
        throw new DidRefused("dids.refused.invalid", text);
      }
      return new E164Number(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException | IllegalArgumentException e) {
      throw new DidRefused("dids.refused.invalid", text);
    }
  }

  /** The E.164 number {@code typed} is, or {@code null} when it is none (for searches). */
  public static E164Number parseOrNull(String typed, String country) {
    try {
      return parse(typed, country);
    } catch (DidRefused e) {
      return null;
    }
  }

  /**
   * Every number from {@code from} to {@code to}, both included, in order.
   *
   * @throws DidRefused when either end is invalid, the ends differ in length or are reversed, the
   *     range holds more than {@value #MAX_RANGE} numbers, or one number inside it is not valid
   */
  public static List<E164Number> range(String from, String to, String country) throws DidRefused {
    E164Number first = parse(from, country);
    E164Number last = parse(to, country);
    if (first.value().length() != last.value().length()) {
      throw new DidRefused("dids.refused.rangeLengths", first, last);
    }
    long start = Long.parseLong(first.digits());
    long end = Long.parseLong(last.digits());
    if (end < start) {
      throw new DidRefused("dids.refused.rangeOrder", first, last);
    }
    if (end - start + 1 > MAX_RANGE) {
      throw new DidRefused("dids.refused.rangeTooLarge", end - start + 1, MAX_RANGE);
    }
    int width = first.digits().length();
    List<E164Number> numbers = new ArrayList<>((int) (end - start + 1));
    for (long n = start; n <= end; n++) {
      String value = "+" + String.format(Locale.ROOT, "%0" + width + "d", n);
      numbers.add(parse(value, country));
    }
    return numbers;
  }

  /**
   * The numbers of a typed list, in order, each once.
   *
   * @throws DidRefused for the first wrong item (named), an empty list, or more than {@value
   *     #MAX_RANGE} items
   */
  public static List<E164Number> list(String text, String country) throws DidRefused {
    String[] items = ITEM_SEPARATORS.split(text == null ? "" : text.strip());
    Set<E164Number> numbers = new LinkedHashSet<>();
    for (int i = 0; i < items.length; i++) {
      String item = unquoted(items[i].strip());
      if (item.isEmpty() || (i == 0 && item.equalsIgnoreCase("number"))) {
        continue;
      }
      if (numbers.size() >= MAX_RANGE) {
        throw new DidRefused("dids.refused.tooMany", MAX_RANGE);
      }
      numbers.add(parse(item, country));
    }
    if (numbers.isEmpty()) {
      throw new DidRefused("dids.refused.empty");
    }
    return List.copyOf(numbers);
  }

  private static String unquoted(String item) {
    return item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")
        ? item.substring(1, item.length() - 1).strip()
        : item;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TYPED ? text : text.substring(0, MAX_TYPED) + "…";
  }
}
