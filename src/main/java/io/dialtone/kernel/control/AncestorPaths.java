package io.dialtone.kernel.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Each account's path to the root (itself, its parent, ... the platform) in memory, so a scope
 * check ("is this account within the caller's?") reads the account tree once per account, not once
 * per call: a CDR page asks it for its list, its totals and its chart.
 *
 * <p>Safe without invalidation because the tree only grows: an account's parent is set when it is
 * created and never changes (no update of {@code parent_id} exists), and accounts are never deleted
 * (suspended instead). A new account is read on its first check; an unknown id is not remembered.
 * Should accounts ever move, {@link #forget()} must run on that change. Bounded: past {@value
 * #CAPACITY} accounts the map starts over.
 */
public final class AncestorPaths {

  static final int CAPACITY = 200_000;

  private final Map<Long, long[]> paths = new ConcurrentHashMap<>();

  /**
   * Whether {@code accountId} is {@code ancestorId} or below it; {@code load} reads a path (the
   * account's id first, then each ancestor's; empty for an unknown account) when it is not known
   * yet.
   */
  public boolean isWithin(long ancestorId, long accountId, LongFunction<long[]> load) {
    long[] path = paths.get(accountId);
    if (path == null) {
      path = load.apply(accountId);
      if (path.length > 0) {
        if (paths.size() >= CAPACITY) {
          paths.clear();
        }
        paths.put(accountId, path);
      }
    }
    for (long id : path) {
      if (id == ancestorId) {
        return true;
      }
    }
    return false;
  }

  /** Forgets every path. */
  public void forget() {
    paths.clear();
  }
}
