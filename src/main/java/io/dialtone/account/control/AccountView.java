package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import java.time.Instant;

/**
 * What the rest of the application sees of an account: a snapshot taken in the reading transaction.
 * The managed {@link Account} entity stays inside this component, so no other component can change
 * an account's caps or profile without going through its use cases.
 */
public record AccountView(
    long id,
    Long parentId,
    AccountKind kind,
    AccountStatus status,
    String accountNumber,
    AccountProfile profile,
    UsageCaps caps,
    Instant createdAt) {

  static AccountView of(Account account) {
    return new AccountView(
        account.getId(),
        account.getParentId(),
        account.getKind(),
        account.getStatus(),
        account.getAccountNumber(),
        account.getProfile(),
        account.getCaps(),
        account.getCreatedAt());
  }

  public String name() {
    return profile.name();
  }

  public String country() {
    return profile.country();
  }

  public boolean active() {
    return status == AccountStatus.ACTIVE;
  }
}
