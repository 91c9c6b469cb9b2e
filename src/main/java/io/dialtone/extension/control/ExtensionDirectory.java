package io.dialtone.extension.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
}
