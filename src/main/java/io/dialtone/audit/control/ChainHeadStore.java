package io.dialtone.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reads and moves the single {@code audit_chain_head} row with native SQL (it is no entity). Joins
 * the caller's transaction and never starts one.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ChainHeadStore {

  private static final String SELECT =
      "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /**
   * The head, locked until the current transaction ends, so that appends run one at a time.
   * Requires an active transaction.
   */
  public ChainHead lock() {
    return query(SELECT + " FOR UPDATE");
  }

  /** The head as last committed, without a lock. */
  public ChainHead read() {
    return query(SELECT);
  }

  /** Moves the head to {@code next}; call with the lock from {@link #lock()} held. */
  public void advance(ChainHead next) {
    int updated =
        em.createNativeQuery(
                "UPDATE audit_chain_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
            .setParameter(1, next.lastId())
            .setParameter(2, next.lastHash())
            .executeUpdate();
    if (updated != 1) {
      throw new IllegalStateException("audit_chain_head row is missing");
    }
  }

  private ChainHead query(String sql) {
    Object[] row = (Object[]) em.createNativeQuery(sql).getSingleResult();
    return new ChainHead(((Number) row[0]).longValue(), (String) row[1]);
  }
}
