package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
import java.time.Instant;

/**
 * A customer account on a reseller's dashboard, with its number of users and when it was created.
 */
public record CustomerRow(
    String name, String number, AccountStatus status, long users, Instant created) {

  static CustomerRow of(AccountView account, long users) {
    return new CustomerRow(
        account.name(), account.accountNumber(), account.status(), users, account.createdAt());
  }
}
