package io.dialtone.kernel.control;

import java.util.Set;

/**
 * The account tree as the kernel needs it to scope callers: implemented by the component that owns
 * the accounts, so the kernel reads the tree without knowing its tables.
 */
public interface AccountHierarchy {

  /** The account's id, then its parent's, up to the platform's; empty for an unknown account. */
  long[] pathToRoot(long accountId);

  /** The ids of {@code rootId} and every account below it; empty for an unknown account. */
  Set<Long> subtreeIds(long rootId);
}
