package io.dialtone.callpolicy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * An account's class toggles. Absent for an account that never changed them: {@link
 * #defaults(long)} then says what applies (international and premium blocked, SECURITY.md E1).
 */
@Entity
@Table(name = "call_policy_account")
public class AccountCallPolicy {

  @Id
  @Column(name = "account_id")
  private long accountId;

  @Column(name = "block_international", nullable = false)
  private boolean blockInternational = true;

  @Column(name = "block_long_distance", nullable = false)
  private boolean blockLongDistance;

  @Column(name = "block_premium", nullable = false)
  private boolean blockPremium = true;

  @Version private long version;

  protected AccountCallPolicy() {}

  /** The toggles of a new account. */
  public static AccountCallPolicy defaults(long accountId) {
    AccountCallPolicy policy = new AccountCallPolicy();
    policy.accountId = accountId;
    return policy;
  }

  public void change(boolean blockInternational, boolean blockLongDistance, boolean blockPremium) {
    this.blockInternational = blockInternational;
    this.blockLongDistance = blockLongDistance;
    this.blockPremium = blockPremium;
  }

  public long getAccountId() {
    return accountId;
  }

  public boolean isBlockInternational() {
    return blockInternational;
  }

  public boolean isBlockLongDistance() {
    return blockLongDistance;
  }

  public boolean isBlockPremium() {
    return blockPremium;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountCallPolicy other && accountId == other.accountId;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(accountId);
  }
}
