package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.entity.Account;
import org.junit.jupiter.api.Test;

class AccountFilterTest {

  private final Account acme =
      Account.below(
          2L, AccountKind.CUSTOMER, AccountProfile.defaults("Acme Inc"), UsageCaps.NONE, null);

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
    acme.suspend();
    assertThat(new AccountFilter(null, AccountStatus.SUSPENDED, " INC ").test(acme)).isTrue();
  }
}
