package io.dialtone.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** In-container fixture: committed call policy and audit rows, read behind the controls' back. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallPolicyRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Everything stored for {@code accountId}'s call policy, as one comparable text. */
  @Transactional
  public String snapshot(long accountId) {
    return rows(
            "SELECT CONCAT_WS(' ', block_international, block_long_distance, block_premium, version)"
                + " FROM call_policy_account WHERE account_id = ?1",
            accountId)
        + rows(
            "SELECT CONCAT_WS(' ', id, COALESCE(extension_number, '-'), kind, rule_value)"
                + " FROM call_policy_rule WHERE account_id = ?1 ORDER BY id",
            accountId)
        + rows(
            "SELECT CONCAT_WS(' ', extension_number, class_of_service, block_international,"
                + " block_long_distance, block_premium, version)"
                + " FROM call_policy_extension WHERE account_id = ?1 ORDER BY extension_number",
            accountId);
  }

  /** How many audit rows of {@code action} concern {@code accountId}. */
  @Transactional
  public long audited(String action, long accountId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND account_id = ?2")
                .setParameter(1, action)
                .setParameter(2, accountId)
                .getSingleResult())
        .longValue();
  }

  /** How many audit rows of {@code action} there are in all. */
  @Transactional
  public long audited(String action) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE action = ?1")
                .setParameter(1, action)
                .getSingleResult())
        .longValue();
  }

  private String rows(String sql, long accountId) {
    List<?> rows = em.createNativeQuery(sql).setParameter(1, accountId).getResultList();
    return rows + "\n";
  }
}
