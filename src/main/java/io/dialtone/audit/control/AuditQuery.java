package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Reads the audit trail for display, e.g. "your recent sign-in activity". Never writes; joins the
 * caller's transaction if there is one. Returned events are immutable.
 */
@ApplicationScoped
public class AuditQuery {

  /** The most events one call returns. */
  public static final int MAX_RESULTS = 100;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /**
   * The newest events of {@code actor}, newest first. The actor is escaped and cut as on append, so
   * it matches what {@link AuditTrail} stored; comparison follows the column's case-insensitive
   * collation.
   *
   * @param actor as passed to {@link AuditRecord}; {@code null} or empty gives an empty list
   * @param max how many events at most, 1 to {@value #MAX_RESULTS}
   */
  public List<AuditEvent> recentForActor(String actor, @Min(1) @Max(MAX_RESULTS) int max) {
    String stored = AuditText.clean(actor, AuditEvent.ACTOR_LENGTH);
    if (stored == null) {
      return List.of();
    }
    return em.createNamedQuery(AuditEvent.LIST_BY_ACTOR, AuditEvent.class)
        .setParameter("actor", stored)
        .setMaxResults(max)
        .getResultList();
  }
}
