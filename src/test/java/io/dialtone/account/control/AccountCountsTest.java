package io.dialtone.account.control;

import static io.dialtone.account.control.AccountKind.CUSTOMER;
import static io.dialtone.account.control.AccountKind.PLATFORM;
import static io.dialtone.account.control.AccountKind.RESELLER;
import static io.dialtone.account.control.AccountStatus.ACTIVE;
import static io.dialtone.account.control.AccountStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.AccountCounts.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCountsTest {

  @Test
  void groupsLandInTheirKindAndStatus() {
    AccountCounts counts =
        AccountCounts.of(
            List.of(
                new Group(RESELLER, ACTIVE, 3),
                new Group(RESELLER, SUSPENDED, 1),
                new Group(CUSTOMER, ACTIVE, 40),
                new Group(CUSTOMER, SUSPENDED, 2)));

    assertThat(counts).isEqualTo(new AccountCounts(3, 1, 40, 2));
    assertThat(counts.resellers()).isEqualTo(4);
    assertThat(counts.customers()).isEqualTo(42);
  }

  @Test
  void missingGroupsCountZeroAndThePlatformIsNotCounted() {
    AccountCounts counts =
        AccountCounts.of(List.of(new Group(PLATFORM, ACTIVE, 1), new Group(CUSTOMER, ACTIVE, 5)));

    assertThat(counts).isEqualTo(new AccountCounts(0, 0, 5, 0));
  }
}
