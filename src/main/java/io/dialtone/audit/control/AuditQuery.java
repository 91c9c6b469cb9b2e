package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the audit trail for display, e.g. "your recent sign-in activity" or a dashboard's recent
 * security events and daily counts. Never writes; joins the caller's transaction if there is one.
 * Returned events are immutable. A scope is the set of account ids the caller may see (empty
 * optional = the whole platform), computed by the caller as for {@link AuditSearch}.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
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
  public List<AuditEntry> recentForActor(String actor, @Min(1) @Max(MAX_RESULTS) int max) {
    String stored = AuditText.clean(actor, AuditEvent.ACTOR_LENGTH);
    if (stored == null) {
      return List.of();
    }
    return em.createNamedQuery(AuditEvent.LIST_BY_ACTOR, AuditEvent.class)
        .setParameter("actor", stored)
        .setMaxResults(max)
        .getResultStream()
        .map(AuditEntry::of)
        .toList();
  }

  /**
   * The newest events of {@code actor} whose action is one of {@code actions}, newest first.
   *
   * @param max how many events at most, 1 to {@value #MAX_RESULTS}
   */
  public List<AuditEntry> recentForActor(
      String actor, @NotEmpty Set<AuditAction> actions, @Min(1) @Max(MAX_RESULTS) int max) {
    String stored = AuditText.clean(actor, AuditEvent.ACTOR_LENGTH);
    if (stored == null) {
      return List.of();
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    query
        .select(event)
        .where(cb.equal(event.get("actor"), stored), event.get("action").in(actions))
        .orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
    return em.createQuery(query).setMaxResults(max).getResultStream().map(AuditEntry::of).toList();
  }

  /**
   * The newest events in {@code scope} since {@code since} whose action is one of {@code actions},
   * newest first. The time bound keeps the read short when such events are rare.
   *
   * @param max how many events at most, 1 to {@value #MAX_RESULTS}
   */
  public List<AuditEntry> recent(
      @NotEmpty Set<AuditAction> actions,
      @NotNull Optional<Set<Long>> scope,
      @NotNull Instant since,
      @Min(1) @Max(MAX_RESULTS) int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    List<Predicate> where =
        new ArrayList<>(
            List.of(
                event.get("action").in(actions),
                cb.greaterThanOrEqualTo(event.get("occurredAt"), since)));
    scope.ifPresent(ids -> where.add(inScope(cb, event, ids)));
    query.select(event).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(event.get("id")));
    return em.createQuery(query).setMaxResults(max).getResultStream().map(AuditEntry::of).toList();
  }

  /**
   * How many events of each of {@code actions} happened in {@code scope} on each UTC day of [{@code
   * from}, {@code to}): counted by the database (one row per day and action that has events), never
   * by loading the events. Days without events have no row.
   */
  public List<DailyCount> dailyCounts(
      @NotEmpty Set<AuditAction> actions,
      @NotNull Optional<Set<Long>> scope,
      @NotNull Instant from,
      @NotNull Instant to) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<AuditEvent> event = query.from(AuditEvent.class);
    // occurred_at is a UTC DATETIME (see AuditTrail), so its date is the UTC day.
    Expression<java.sql.Date> day =
        cb.function("DATE", java.sql.Date.class, event.get("occurredAt"));
    List<Predicate> where =
        new ArrayList<>(
            List.of(
                event.get("action").in(actions),
                cb.greaterThanOrEqualTo(event.get("occurredAt"), from),
                cb.lessThan(event.get("occurredAt"), to)));
    scope.ifPresent(ids -> where.add(inScope(cb, event, ids)));
    query
        .multiselect(day, event.get("action"), cb.count(event))
        .where(where.toArray(Predicate[]::new))
        .groupBy(day, event.get("action"));
    return em.createQuery(query).getResultList().stream()
        .map(
            row ->
                new DailyCount(
                    toLocalDate(row.get(0)), row.get(1, AuditAction.class), row.get(2, Long.class)))
        .toList();
  }

  private static Predicate inScope(CriteriaBuilder cb, Root<AuditEvent> event, Set<Long> ids) {
    return ids.isEmpty() ? cb.disjunction() : event.get("accountId").in(ids);
  }

  /** The JDBC driver may hand a SQL DATE back as any of these. */
  static LocalDate toLocalDate(Object value) {
    return switch (value) {
      case LocalDate date -> date;
      case java.sql.Date date -> date.toLocalDate();
      case LocalDateTime dateTime -> dateTime.toLocalDate();
      case java.util.Date date -> date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
      default -> LocalDate.parse(value.toString().substring(0, 10));
    };
  }
}
