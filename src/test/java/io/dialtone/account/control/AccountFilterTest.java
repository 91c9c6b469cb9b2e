package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountFilterTest {

  private final AccountView acme = acme(AccountStatus.ACTIVE);

  @Test
  void anEmptyFilterMatchesEverything() {
    assertThat(AccountFilter.ALL.test(acme)).isTrue();
    assertThat(new AccountFilter(null, null, "  ").test(acme)).isTrue();
  }

  @Test
  void kindStatusAndNameMustAllMatch() {
    assertThat(new AccountFilter(AccountKind.CUSTOMER, AccountStatus.ACTIVE, "acme").test(acme))
        .isTrue();
    assertThat(new AccountFilter(AccountKind.RESELLER, null, null).test(acme)).isFalse();
    assertThat(new AccountFilter(null, AccountStatus.SUSPENDED, null).test(acme)).isFalse();
    assertThat(new AccountFilter(null, null, "globex").test(acme)).isFalse();
    assertThat(
            new AccountFilter(null, AccountStatus.SUSPENDED, " INC ")
                .test(acme(AccountStatus.SUSPENDED)))
        .isTrue();
  }

  private static AccountView acme(AccountStatus status) {
    return new AccountView(
        7L,
        2L,
        AccountKind.CUSTOMER,
        status,
        null,
        AccountProfile.defaults("Acme Inc"),
        UsageCaps.NONE,
        null);
  }
}
