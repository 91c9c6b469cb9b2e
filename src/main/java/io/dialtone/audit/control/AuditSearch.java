package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail page's query: a filter, a scope and a page, newest first. The scope is the set of
 * account ids the caller may see (empty = the whole platform); callers compute it, since the audit
 * component knows nothing of the account tree. Criteria, because the filter is dynamic.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AuditSearch {

  /** The most rows one page may hold. */
  public static final int MAX_PAGE = 200;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  public List<AuditEntry> page(
      AuditFilter filter, Optional<Set<Long>> scope, int first, int pageSize) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    query
        .select(event)
        .where(conditions(cb, event, filter, scope))
        .orderBy(cb.desc(event.get("id")));
    return em.createQuery(query)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.clamp(pageSize, 1, MAX_PAGE))
        .getResultStream()
        .map(AuditEntry::of)
        .toList();
  }

  public long count(AuditFilter filter, Optional<Set<Long>> scope) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    query.select(cb.count(event)).where(conditions(cb, event, filter, scope));
    return em.createQuery(query).getSingleResult();
  }

  private static Predicate[] conditions(
      CriteriaBuilder cb, Root<AuditEvent> event, AuditFilter filter, Optional<Set<Long>> scope) {
    List<Predicate> all = new ArrayList<>();
    scope.ifPresent(
        ids -> all.add(ids.isEmpty() ? cb.disjunction() : event.get("accountId").in(ids)));
    if (filter.from() != null) {
      all.add(cb.greaterThanOrEqualTo(event.get("occurredAt"), filter.from()));
    }
    if (filter.to() != null) {
      all.add(cb.lessThan(event.get("occurredAt"), filter.to()));
    }
    if (filter.actor() != null && !filter.actor().isBlank()) {
      all.add(
          cb.equal(
              event.get("actor"),
              AuditText.clean(filter.actor().strip(), AuditEvent.ACTOR_LENGTH)));
    }
    if (filter.action() != null) {
      all.add(cb.equal(event.get("action"), filter.action()));
    }
    if (filter.result() != null) {
      all.add(cb.equal(event.get("result"), filter.result()));
    }
    return all.toArray(Predicate[]::new);
  }
}
