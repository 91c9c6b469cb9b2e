package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
import java.time.Instant;

/**
 * A customer account on a reseller's dashboard: its number of users, when it was created, its calls
 * in progress, and today's and this month's spend against the caps its reseller granted.
 */
public record CustomerRow(
    long id,
    String name,
    String number,
    AccountStatus status,
    long users,
    Instant created,
    int callsNow,
    CapTile spendToday,
    CapTile spendMonth) {

  static CustomerRow of(
      AccountView account, long users, int callsNow, CapTile spendToday, CapTile spendMonth) {
    return new CustomerRow(
        account.id(),
        account.name(),
        account.accountNumber(),
        account.status(),
        users,
        account.createdAt(),
        callsNow,
        spendToday,
        spendMonth);
  }

  /** Whether the reseller should look at it: suspended, or at 80 % or more of a spend cap. */
  public boolean needsAttention() {
    return status == AccountStatus.SUSPENDED
        || !"ok".equals(spendToday.state())
        || !"ok".equals(spendMonth.state());
  }
}
