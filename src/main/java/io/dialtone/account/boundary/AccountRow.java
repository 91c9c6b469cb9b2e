package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
import java.io.Serializable;

/** One line of the account list: what the table shows, kept in the view between requests. */
public record AccountRow(
    long id, String name, String number, AccountKind kind, AccountStatus status, String country)
    implements Serializable {

  static AccountRow of(AccountView account) {
    return new AccountRow(
        account.id(),
        account.name(),
        account.accountNumber(),
        account.kind(),
        account.status(),
        account.country());
  }
}
