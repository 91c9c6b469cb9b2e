package io.dialtone.account.control;

import java.util.List;

/** How many resellers and customer accounts, active and suspended, a caller's subtree holds. */
public record AccountCounts(
    long activeResellers, long suspendedResellers, long activeCustomers, long suspendedCustomers) {

  /** One group of the database's count: accounts of a kind and status. */
  public record Group(AccountKind kind, AccountStatus status, long count) {}

  /** The totals of {@code groups}; kinds other than reseller and customer are left out. */
  public static AccountCounts of(List<Group> groups) {
    long[] counts = new long[4];
    for (Group group : groups) {
      int slot =
          switch (group.kind()) {
            case RESELLER -> 0;
            case CUSTOMER -> 2;
            case PLATFORM -> -1;
          };
      if (slot >= 0) {
        counts[slot + (group.status() == AccountStatus.ACTIVE ? 0 : 1)] += group.count();
      }
    }
    return new AccountCounts(counts[0], counts[1], counts[2], counts[3]);
  }

  public long resellers() {
    return activeResellers + suspendedResellers;
  }

  public long customers() {
    return activeCustomers + suspendedCustomers;
  }
}
