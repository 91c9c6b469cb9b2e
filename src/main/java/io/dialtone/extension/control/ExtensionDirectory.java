package io.dialtone.extension.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which accounts have a live extension with a given number, for support's customer search. Joins
 * the caller's transaction and checks no permission: its caller scopes the accounts it returns.
 */
@ApplicationScoped
public class ExtensionDirectory {

  /** Extension numbers are 2–6 digits: nothing else is looked up. */
  private static final String NUMBER = "\\d{2,6}";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Ids of accounts with a live extension numbered {@code number}, at most {@code limit}. */
  public List<Long> accountsWithNumber(String number, int limit) {
    if (number == null || !number.matches(NUMBER)) {
      return List.of();
    }
    return em
        .createNativeQuery(
            "SELECT DISTINCT account_id FROM extension WHERE live_number = ?1 LIMIT ?2")
        .setParameter(1, number)
        .setParameter(2, limit)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /** Which of {@code extensionIds} are live (not deleted) extensions, e.g. a DID's route. */
  public Set<Long> live(Collection<Long> extensionIds) {
    if (extensionIds.isEmpty()) {
      return Set.of();
    }
    return em.createQuery(
            """
            SELECT e.id FROM Extension e WHERE e.id IN :ids
            AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED""",
            Long.class)
        .setParameter("ids", List.copyOf(extensionIds))
        .getResultStream()
        .collect(Collectors.toUnmodifiableSet());
  }
}
