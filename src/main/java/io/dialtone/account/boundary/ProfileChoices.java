package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The choices of the profile selects ({@code #{profileChoices}}): ISO country codes, IANA region
 * zone ids, ISO currency codes and the two languages. Only valid values can be picked; the entity
 * checks them again. Country names are shown in the viewer's language by the page.
 */
@Named
@ApplicationScoped
public class ProfileChoices {

  private static final List<String> COUNTRIES =
      Stream.of(Locale.getISOCountries()).sorted().toList();
  private static final List<String> TIME_ZONES =
      ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/")).sorted().toList();
  private static final List<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList();
  private static final List<String> LANGUAGES = AccountProfile.LANGUAGES.stream().sorted().toList();

  public List<String> getCountries() {
    return COUNTRIES;
  }

  public List<String> getTimeZones() {
    return TIME_ZONES;
  }

  public List<String> getCurrencies() {
    return CURRENCIES;
  }

  public List<String> getLanguages() {
    return LANGUAGES;
  }

  /** The name of a country in {@code locale}, e.g. Canada / Canada, Germany / Allemagne. */
  public String countryName(String code, Locale locale) {
    return Locale.of("", code).getDisplayCountry(locale);
  }
}
