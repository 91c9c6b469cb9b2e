package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A customer account on a reseller's dashboard, with its number of users; created on a UTC day. */
public record CustomerRow(
    String name, String number, AccountStatus status, long users, LocalDate created) {

  static CustomerRow of(AccountView account, long users) {
    return new CustomerRow(
        account.name(),
        account.accountNumber(),
        account.status(),
        users,
        LocalDate.ofInstant(account.createdAt(), ZoneOffset.UTC));
  }
}
