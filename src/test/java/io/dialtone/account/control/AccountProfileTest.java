package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.entity.Account;
import org.junit.jupiter.api.Test;

class AccountProfileTest {

  private static AccountProfile with(
      String country, String zone, String language, String currency) {
    return new AccountProfile("Acme", country, zone, language, "billing@acme.example", currency);
  }

  @Test
  void theDefaultsAreCanadianAndValid() {
    AccountProfile profile = AccountProfile.defaults("  Acme  ");
    assertThat(profile.name()).isEqualTo("Acme");
    assertThat(profile.country()).isEqualTo("CA");
    assertThat(profile.timeZone()).isEqualTo("America/Toronto");
    assertThat(profile.currency()).isEqualTo("CAD");
    assertThat(profile.isValid()).isTrue();
  }

  @Test
  void countriesAreIsoAlpha2InUpperCase() {
    assertThat(AccountProfile.isCountry("US")).isTrue();
    assertThat(AccountProfile.isCountry("us")).isFalse();
    assertThat(AccountProfile.isCountry("XX")).isFalse();
    assertThat(AccountProfile.isCountry("CAN")).isFalse();
    assertThat(with("XX", "America/Toronto", "en", "CAD").isCountryKnown()).isFalse();
  }

  @Test
  void timeZonesAreIanaRegionIds() {
    assertThat(AccountProfile.isTimeZone("America/Vancouver")).isTrue();
    assertThat(AccountProfile.isTimeZone("Mars/Olympus")).isFalse();
    assertThat(AccountProfile.isTimeZone(null)).isFalse();
    assertThat(with("CA", "Mars/Olympus", "en", "CAD").isValid()).isFalse();
  }

  @Test
  void currenciesAreIso4217() {
    assertThat(AccountProfile.isCurrency("USD")).isTrue();
    assertThat(AccountProfile.isCurrency("usd")).isFalse();
    assertThat(AccountProfile.isCurrency("ZZZ")).isFalse();
    assertThat(with("CA", "America/Toronto", "en", "ZZZ").isCurrencyKnown()).isFalse();
  }

  @Test
  void onlyEnglishAndFrenchAreLanguages() {
    assertThat(with("CA", "America/Toronto", "fr", "CAD").isValid()).isTrue();
    assertThat(with("CA", "America/Toronto", "de", "CAD").isValid()).isFalse();
  }

  @Test
  void aBlankBillingEmailMeansNone() {
    assertThat(
            new AccountProfile("Acme", "CA", "America/Toronto", "en", "  ", "CAD").billingEmail())
        .isNull();
  }

  @Test
  void theEntityRefusesAnInvalidProfile() {
    Account account =
        Account.below(
            2L, AccountKind.CUSTOMER, AccountProfile.defaults("Acme"), UsageCaps.NONE, null);
    assertThatThrownBy(() -> account.changeProfile(with("XX", "America/Toronto", "en", "CAD")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(account.getCountry()).isEqualTo("CA");
    assertThatThrownBy(
            () ->
                Account.below(
                    1L, AccountKind.PLATFORM, AccountProfile.defaults("x"), UsageCaps.NONE, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
