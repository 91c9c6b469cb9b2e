package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChangeDescriptionTest {

  @Test
  void namesFreeTextsAndShowsCodedValues() {
    AccountProfile before = AccountProfile.defaults("Acme");
    AccountProfile after =
        new AccountProfile("Acme Ltd", "US", "America/New_York", "en", "b@acme.example", "USD");
    UsageCaps caps = new UsageCaps(new BigDecimal("10.00"), null, null, 2);

    String detail = ChangeDescription.of(before, UsageCaps.NONE, after, caps);

    assertThat(detail)
        .startsWith("changed name, country CA -> US, timeZone America/Toronto -> America/New_York")
        .contains("billingEmail, currency CAD -> USD")
        .contains("dailySpendCap none -> 10.00", "concurrentCallsCap none -> 2")
        .doesNotContain("Acme Ltd")
        .doesNotContain("b@acme.example");
  }

  @Test
  void equalAmountsWithAnotherScaleAreNoChange() {
    AccountProfile profile = AccountProfile.defaults("Acme");
    UsageCaps before = new UsageCaps(new BigDecimal("10"), null, null, null);
    UsageCaps after = new UsageCaps(new BigDecimal("10.00"), null, null, null);
    assertThat(ChangeDescription.of(profile, before, profile, after)).isEqualTo("no change");
  }
}
