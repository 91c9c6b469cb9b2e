package io.dialtone.audit.control;

/**
 * Walks the audit chain one row at a time, in id order, with constant memory; pure, no database.
 *
 * <p>A row is broken when its id does not grow, its stored previous hash is not the row hash of the
 * row before it ({@link AuditHash#GENESIS} for the first), or its stored row hash differs from the
 * recomputed one. So an edited row is reported itself, a deleted row at the row after the gap, and
 * a reordered pair at its first row. At the end the last row must be the one the chain head names,
 * which catches rows cut off the end. The walk stops at the first broken row.
 */
public final class ChainWalk {

  private String expectedPrev = AuditHash.GENESIS;
  private long lastId;
  private long checkedRows;
  private Long firstBrokenId;

  /**
   * Checks the next row.
   *
   * @return whether the chain is still intact, i.e. whether to go on
   */
  public boolean accept(ChainLink link) {
    if (firstBrokenId != null) {
      return false;
    }
    checkedRows++;
    if (link.id() <= lastId
        || !link.prevHash().equals(expectedPrev)
        || !link.rowHash().equals(link.computedHash())) {
      firstBrokenId = link.id();
      return false;
    }
    expectedPrev = link.rowHash();
    lastId = link.id();
    return true;
  }

  /** The outcome, after checking that the last accepted row is the one {@code head} names. */
  public ChainVerification finish(ChainHead head) {
    if (firstBrokenId == null
        && (lastId != head.lastId() || !expectedPrev.equals(head.lastHash()))) {
      firstBrokenId = head.lastId();
    }
    return new ChainVerification(firstBrokenId == null, checkedRows, firstBrokenId);
  }

  /** Walks all of {@code links} and finishes against {@code head}. */
  public static ChainVerification walk(Iterable<ChainLink> links, ChainHead head) {
    ChainWalk walk = new ChainWalk();
    for (ChainLink link : links) {
      if (!walk.accept(link)) {
        break;
      }
    }
    return walk.finish(head);
  }
}
