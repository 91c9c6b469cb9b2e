package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The support sessions on some accounts, read back from the trail: each successful {@code
 * IMPERSONATION_STARTED} row, the row that ended it (the agent's next {@code IMPERSONATION_ENDED},
 * or their next start for the same account if the end was never recorded) and what the agent did in
 * between on the account's behalf (rows with the same actor and on-behalf-of). The scope is the set
 * of account ids the caller may see (empty optional = the whole platform); callers compute it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SupportSessions {

  /** The most sessions, and the most rows of activity per session, one call returns. */
  public static final int MAX_SESSIONS = 20;

  public static final int MAX_ACTIVITY = 200;

  private static final String STARTS_IN_SCOPE =
      """
      SELECT e FROM AuditEvent e WHERE e.action = :action AND e.result = :result
      AND e.accountId IN :scope ORDER BY e.id DESC""";
  private static final String STARTS =
      """
      SELECT e FROM AuditEvent e WHERE e.action = :action AND e.result = :result
      ORDER BY e.id DESC""";
  private static final String END =
      """
      SELECT e FROM AuditEvent e WHERE e.actor = :actor AND e.onBehalfOf = :obo
      AND e.id > :after AND e.action IN :bounds ORDER BY e.id""";
  private static final String ACTIVITY =
      """
      SELECT e FROM AuditEvent e WHERE e.actor = :actor AND e.onBehalfOf = :obo
      AND e.id > :after AND e.id < :before ORDER BY e.id""";

  private static final Set<AuditAction> BOUNDS =
      Set.of(AuditAction.IMPERSONATION_STARTED, AuditAction.IMPERSONATION_ENDED);

  /**
   * One support session.
   *
   * @param end the row that ended it ({@code IMPERSONATION_ENDED}, or a later start when the end
   *     went unrecorded); {@code null} while it may still go on
   */
  public record Session(AuditEntry start, AuditEntry end, List<AuditEntry> activity) {}

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The newest sessions on the accounts of {@code scope}, newest first. */
  public List<Session> recent(Optional<Set<Long>> scope) {
    if (scope.isPresent() && scope.get().isEmpty()) {
      return List.of();
    }
    var starts =
        scope.isPresent()
            ? em.createQuery(STARTS_IN_SCOPE, AuditEvent.class).setParameter("scope", scope.get())
            : em.createQuery(STARTS, AuditEvent.class);
    return starts
        .setParameter("action", AuditAction.IMPERSONATION_STARTED)
        .setParameter("result", AuditResult.SUCCESS)
        .setMaxResults(MAX_SESSIONS)
        .getResultList()
        .stream()
        .map(this::session)
        .toList();
  }

  private Session session(AuditEvent start) {
    AuditEvent end =
        em.createQuery(END, AuditEvent.class)
            .setParameter("actor", start.getActor())
            .setParameter("obo", start.getOnBehalfOf())
            .setParameter("after", start.getId())
            .setParameter("bounds", BOUNDS)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    List<AuditEvent> activity =
        em.createQuery(ACTIVITY, AuditEvent.class)
            .setParameter("actor", start.getActor())
            .setParameter("obo", start.getOnBehalfOf())
            .setParameter("after", start.getId())
            .setParameter("before", end == null ? Long.MAX_VALUE : end.getId())
            .setMaxResults(MAX_ACTIVITY)
            .getResultList();
    return new Session(
        AuditEntry.of(start), AuditEntry.of(end), activity.stream().map(AuditEntry::of).toList());
  }
}
