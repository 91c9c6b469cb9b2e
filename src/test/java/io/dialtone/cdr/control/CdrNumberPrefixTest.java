package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number typed in the account's national format matches the stored E.164 digits; the filter stays
 * a prefix (a byte range on {@code remote_digits}), never a leading wildcard.
 */
class CdrNumberPrefixTest {

  private static String stored(String raw, String region) {
    return CdrNumberPrefix.storedDigits(CdrNumberPrefix.typed(raw), region);
  }

  @Test
  void nationalNumbersGetTheCountryCodeInsteadOfTheNationalPrefix() {
    assertThat(stored("020 7946 0", "GB")).isEqualTo("442079460");
    assertThat(stored("01 42 68", "FR")).isEqualTo("3314268");
    assertThat(stored("(514) 555-01", "CA")).isEqualTo("151455501"); // NANP without the 1
    assertThat(stored("1 514 555", "CA")).isEqualTo("1514555"); // NANP with its 1
    assertThat(stored("06 1234", "IT")).isEqualTo("39061234"); // no national prefix: kept 0
  }

  @Test
  void internationalNumbersKeepTheirDigits() {
    assertThat(stored("+44 20 7946", "CA")).isEqualTo("44207946");
    assertThat(stored("0044 20", "GB")).isEqualTo("4420");
    assertThat(stored("011 44 20", "US")).isEqualTo("4420");
    assertThat(stored("00 33 1", "CA")).isEqualTo("331");
    assertThat(stored("44207", "GB")).isEqualTo("44207"); // GB national numbers start with 0
  }

  @Test
  void nothingTypedIsNoFilterAndOtherCharactersAreLeftForTheFilterToRefuse() {
    assertThat(CdrNumberPrefix.typed("  ")).isNull();
    assertThat(CdrNumberPrefix.typed(null)).isNull();
    assertThat(stored("44%20", "GB")).isEqualTo("44%20");
    assertThatThrownBy(
            () -> CdrFilter.lastDays(1, Instant.now()).withNumberPrefix(stored("44%20", "GB")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stored("020", null)).isEqualTo("020"); // unknown country: digits as typed
  }

  @Test
  void theNationalFormIsStillAPrefixMatchOnTheStoredDigits() {
    CdrFilter f = CdrFilter.lastDays(7, Instant.now()).withNumberPrefix(stored("020 79", "GB"));
    List<Object> params = new ArrayList<>();

    String sql = CdrQueries.sql(f, null, 50, params);

    assertThat(sql).contains("remote_digits LIKE ?");
    assertThat(params).contains("442079%").noneMatch(p -> p.toString().startsWith("%"));
  }
}
