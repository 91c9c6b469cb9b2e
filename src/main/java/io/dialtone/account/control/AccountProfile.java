package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * What an account says about itself: company name, country (ISO 3166 alpha-2), time zone (IANA id),
 * language of its documents, billing e-mail (optional) and currency (ISO 4217). Bean Validation
 * checks the form; {@link #isValid()} the same rules for code that has no validator.
 */
public record AccountProfile(
    @NotBlank @Size(max = Account.NAME_MAX) String name,
    @NotNull @Size(min = 2, max = Account.COUNTRY_LENGTH) String country,
    @NotNull @Size(max = Account.TIME_ZONE_MAX) String timeZone,
    @NotNull @Pattern(regexp = "en|fr") String language,
    @Email @Size(max = Account.BILLING_EMAIL_MAX) String billingEmail,
    @NotNull @Size(min = 3, max = Account.CURRENCY_LENGTH) String currency) {

  public static final String DEFAULT_COUNTRY = "CA";
  public static final String DEFAULT_TIME_ZONE = "America/Toronto";
  public static final String DEFAULT_LANGUAGE = "en";
  public static final String DEFAULT_CURRENCY = "CAD";
  public static final Set<String> LANGUAGES = Set.of("en", "fr");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** Trims the texts; an empty billing e-mail means none. */
  public AccountProfile {
    name = name == null ? null : name.strip();
    billingEmail = billingEmail == null || billingEmail.isBlank() ? null : billingEmail.strip();
  }

  /** A new account's profile: the given name and the defaults of the migration. */
  public static AccountProfile defaults(String name) {
    return new AccountProfile(
        name, DEFAULT_COUNTRY, DEFAULT_TIME_ZONE, DEFAULT_LANGUAGE, null, DEFAULT_CURRENCY);
  }

  /** Whether {@code code} is an ISO 3166 alpha-2 country code (upper case). */
  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** Whether {@code id} is a time zone region id this JVM knows (e.g. America/Toronto). */
  public static boolean isTimeZone(String id) {
    return id != null && ZoneId.getAvailableZoneIds().contains(id);
  }

  /** Whether {@code code} is an ISO 4217 currency code (upper case). */
  public static boolean isCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @AssertTrue(message = "{io.dialtone.account.country.invalid}")
  public boolean isCountryKnown() {
    return country == null || isCountry(country);
  }

  @AssertTrue(message = "{io.dialtone.account.timeZone.invalid}")
  public boolean isTimeZoneKnown() {
    return timeZone == null || isTimeZone(timeZone);
  }

  @AssertTrue(message = "{io.dialtone.account.currency.invalid}")
  public boolean isCurrencyKnown() {
    return currency == null || isCurrency(currency);
  }

  /** All rules at once, without a validator (the entity's last line of defence). */
  public boolean isValid() {
    return name != null
        && !name.isBlank()
        && name.length() <= Account.NAME_MAX
        && isCountry(country)
        && isTimeZone(timeZone)
        && LANGUAGES.contains(language)
        && (billingEmail == null
            || billingEmail.length() <= Account.BILLING_EMAIL_MAX && billingEmail.contains("@"))
        && isCurrency(currency);
  }
}
