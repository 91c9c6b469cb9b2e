package io.dialtone.callpolicy.boundary;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Countries people pick by name in their language (the JDK's names), stored by ISO 3166 code: the
 * regions libphonenumber knows. The language comes from the session ({@code LocaleBacking}): during
 * a view action of a GET the view root has not got it yet.
 */
public final class Countries {

  /** A country: its code and its name in the viewer's language. */
  public record Country(String code, String name) implements java.io.Serializable {}

  private static final List<String> REGIONS =
      PhoneNumberUtil.getInstance().getSupportedRegions().stream().sorted().toList();

  private Countries() {}

  /** Every country but {@code except} (the account's own zone), by name in {@code locale}. */
  static List<Country> all(java.util.function.Predicate<String> except, Locale locale) {
    Collator collator = Collator.getInstance(locale);
    return REGIONS.stream()
        .filter(code -> !except.test(code))
        .map(code -> new Country(code, name(code, locale)))
        .sorted(Comparator.comparing(Country::name, collator))
        .toList();
  }

  /** The name of {@code code} in {@code locale}, e.g. Royaume-Uni for GB in French. */
  static String name(String code, Locale locale) {
    return code == null ? null : Locale.of("", code).getDisplayCountry(locale);
  }
}
