package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Checks the whole audit chain against the database (SECURITY.md J: "a verification reports the
 * first broken link").
 *
 * <p>Reads the chain head first, then the rows up to the id it names, in id order, {@value #BATCH}
 * at a time by keyset ({@code id > last seen}), and feeds them to a {@link ChainWalk}: memory stays
 * constant however long the chain. Rows appended meanwhile lie beyond the head and are left for the
 * next run. Runs outside any transaction, so the caller's persistence context is untouched and no
 * transaction timeout applies; rows are always read from the database, never from a cache. Does not
 * record the verification itself: the caller, who knows the actor, records {@code
 * AUDIT_CHAIN_VERIFIED}.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AuditChainVerifier {

  /** Rows read per query. */
  static final int BATCH = 1000;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject ChainHeadStore heads;

  /**
   * Walks the chain up to its current head and says whether, and where, it is broken. In a
   * transaction of its own: its persistence context is cleared after each batch, which must not
   * detach a caller's entities.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ChainVerification verify() {
    ChainHead head = heads.read();
    ChainWalk walk = new ChainWalk();
    long afterId = 0;
    List<AuditEvent> batch;
    do {
      batch = page(afterId, head.lastId());
      for (AuditEvent event : batch) {
        if (!walk.accept(ChainLink.of(event))) {
          return walk.finish(head);
        }
        afterId = event.getId();
      }
      em.clear(); // a long chain is read in batches, not held in memory
    } while (batch.size() == BATCH);
    return walk.finish(head);
  }

  private List<AuditEvent> page(long afterId, long lastId) {
    return em.createNamedQuery(AuditEvent.STREAM_FROM_ID, AuditEvent.class)
        .setParameter("afterId", afterId)
        .setParameter("lastId", lastId)
        .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
        .setMaxResults(BATCH)
        .getResultList();
  }
}
