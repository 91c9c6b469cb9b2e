package io.dialtone.kernel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * The account subtree a caller may see: their own account and every account below it, never a
 * sibling's. Every tenant-scoped read and write asks here (through {@link AccessControl} or
 * directly for list filters).
 */
@ApplicationScoped
public class AccountScope {

  /** The platform's own account, the root of the tree: its callers see every account. */
  public static final long PLATFORM_ACCOUNT_ID = 1L;

  @Inject AccountHierarchy hierarchy;

  private final AncestorPaths paths = new AncestorPaths();

  /**
   * Whether {@code accountId} is {@code ancestorId} itself or hangs anywhere below it. Reads the
   * account's path to the root once and keeps it ({@link AncestorPaths}: parents never change).
   */
  public boolean isWithin(long ancestorId, long accountId) {
    return paths.isWithin(ancestorId, accountId, hierarchy::pathToRoot);
  }

  /**
   * What a caller at {@code accountId} may see, as the account ids other components filter their
   * rows by: an empty optional for the platform account (everything, including rows tied to no
   * account), else the ids of the account's subtree.
   */
  public Optional<Set<Long>> scopeOf(long accountId) {
    if (accountId == PLATFORM_ACCOUNT_ID) {
      return Optional.empty();
    }
    return Optional.of(Set.copyOf(hierarchy.subtreeIds(accountId)));
  }
}
