package io.dialtone.audit.control;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact whether every row and the chain head agreed
 * @param checkedRows rows read, up to and including the first broken one
 * @param firstBrokenId id of the first row whose content, hash or link is wrong, or the id the
 *     chain head names when rows are missing at the end; {@code null} when intact
 */
public record ChainVerification(boolean intact, long checkedRows, Long firstBrokenId) {

  /** Checks that {@code firstBrokenId} is set exactly when the chain is not intact. */
  public ChainVerification {
    if (intact != (firstBrokenId == null)) {
      throw new IllegalArgumentException("firstBrokenId must be null exactly when intact");
    }
  }
}
