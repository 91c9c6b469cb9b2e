package io.dialtone.identity.control;

import java.util.EnumMap;
import java.util.Map;

/** How many users of a caller's subtree are active, pending (not enrolled yet) and disabled. */
public record UserCounts(long active, long pending, long disabled) {

  /** From the database's count per status; a status without users counts 0. */
  public static UserCounts of(Map<UserStatus, Long> byStatus) {
    Map<UserStatus, Long> all = new EnumMap<>(UserStatus.class);
    all.putAll(byStatus);
    return new UserCounts(
        all.getOrDefault(UserStatus.ACTIVE, 0L),
        all.getOrDefault(UserStatus.PENDING, 0L),
        all.getOrDefault(UserStatus.DISABLED, 0L));
  }

  public long total() {
    return active + pending + disabled;
  }
}
