package io.dialtone.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** In-container fixture: committed trunk and audit rows, read behind the controls' back. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class TrunkRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Column {@code column} of trunk {@code id} as text ({@code null} when NULL or no row). */
  @Transactional
  public String column(long id, String column) {
    if (!column.matches("[a-z_]+")) {
      throw new IllegalArgumentException(column);
    }
    List<?> rows =
        em.createNativeQuery("SELECT CAST(" + column + " AS CHAR) FROM trunk WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.isEmpty() || rows.getFirst() == null ? null : rows.getFirst().toString();
  }

  /** How many trunks there are in all. */
  @Transactional
  public long count() {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM trunk").getSingleResult())
        .longValue();
  }

  /** The details of the audit rows of {@code action} about trunk {@code id}, oldest first. */
  @Transactional
  public List<String> audited(String action, long id) {
    return em
        .createNativeQuery(
            "SELECT detail FROM audit_event WHERE action = ?1 AND target = ?2 ORDER BY id")
        .setParameter(1, action)
        .setParameter(2, "trunk:" + id)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }
}
