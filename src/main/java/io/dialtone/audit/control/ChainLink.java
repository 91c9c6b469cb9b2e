package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;

/**
 * What the chain walk needs of one stored row: its id, the previous hash and row hash it stores,
 * and the row hash recomputed from its content.
 *
 * @param id database id
 * @param prevHash stored hash of the row before it
 * @param rowHash stored hash of this row
 * @param computedHash hash recomputed from the stored previous hash and content
 */
public record ChainLink(long id, String prevHash, String rowHash, String computedHash) {

  /** The link of a stored event, recomputing its hash. */
  public static ChainLink of(AuditEvent event) {
    return new ChainLink(
        event.getId(), event.getPrevHash(), event.getRowHash(), AuditHash.rowHash(event));
  }
}
