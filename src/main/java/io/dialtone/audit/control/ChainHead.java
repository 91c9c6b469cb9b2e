package io.dialtone.audit.control;

/**
 * The tip of the audit chain as kept in {@code audit_chain_head}: the id and row hash of the last
 * appended row, or {@code 0} and {@link AuditHash#GENESIS} while the chain is empty.
 *
 * @param lastId id of the last row, {@code 0} for none
 * @param lastHash row hash of the last row
 */
public record ChainHead(long lastId, String lastHash) {

  /** The head of an empty chain. */
  public static final ChainHead EMPTY = new ChainHead(0, AuditHash.GENESIS);
}
