package io.dialtone.callpolicy.control;

/** Where compiled policies come from: the database in production, a map in tests. */
public interface PolicySource {

  /** The compiled policy of {@code accountId} (a new account's defaults when it stored none). */
  AccountPolicy load(long accountId);

  /** The platform-wide blocked ranges. */
  PlatformRanges platformRanges();
}
