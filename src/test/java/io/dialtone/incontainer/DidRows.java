package io.dialtone.incontainer;

import io.dialtone.did.control.DidNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;

/**
 * In-container fixture of the DID tests: fresh valid numbers no other test uses, and reads of
 * committed DID and audit rows straight from the database.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidRows {

  private final SecureRandom random = new SecureRandom();

  /** A valid Ottawa number ({@code +1613…}) that is not in the inventory yet. */
  @Transactional
  public String freshNumber() {
    while (true) {
      String candidate =
          "+1613" + (2 + random.nextInt(8)) + String.format("%06d", random.nextInt(1_000_000));
      if (DidNumbers.parseOrNull(candidate, "CA") != null && row(candidate) == null) {
        return candidate;
      }
    }
  }

  /** The DID's id, by number. */
  @Transactional
  public long id(String number) {
    return ((Number)
            em.createNativeQuery("SELECT id FROM did WHERE number = ?1")
                .setParameter(1, number)
                .getSingleResult())
        .longValue();
  }

  /** "holder|extension|continuity" as committed ("-" for none), or {@code null} when absent. */
  @Transactional
  @SuppressWarnings("unchecked")
  public String row(String number) {
    java.util.List<Object> found =
        em.createNativeQuery(
                "SELECT CONCAT_WS('|', account_id, COALESCE(extension_id, '-'),"
                    + " COALESCE(continuity_destination, '-')) FROM did WHERE number = ?1")
            .setParameter(1, number)
            .getResultList();
    return found.isEmpty() ? null : String.valueOf(found.get(0));
  }

  /** How many DIDs whose number starts with {@code prefix}. */
  @Transactional
  public long count(String prefix) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM did WHERE number LIKE ?1")
                .setParameter(1, prefix + "%")
                .getSingleResult())
        .longValue();
  }

  /** Audit rows of {@code action} whose target names the DID {@code didId}. */
  @Transactional
  public long auditRows(String action, long didId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND target LIKE ?2")
                .setParameter(1, action)
                .setParameter(2, "did:" + didId + " %")
                .getSingleResult())
        .longValue();
  }

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;
}
