package io.dialtone.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/** In-container fixture of the usage-limit tests: committed rows, read and set behind the back. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UsageRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Sets the caps granted on the account (as a reseller's account page would). */
  @Transactional
  public void grant(long accountId, String dailySpend, String monthlySpend, Integer minutes) {
    em.createNativeQuery(
            """
            UPDATE account SET daily_spend_cap = ?1, monthly_spend_cap = ?2,
              monthly_minutes_cap = ?3 WHERE id = ?4""")
        .setParameter(1, dailySpend == null ? null : new BigDecimal(dailySpend))
        .setParameter(2, monthlySpend == null ? null : new BigDecimal(monthlySpend))
        .setParameter(3, minutes)
        .setParameter(4, accountId)
        .executeUpdate();
  }

  /** The granted caps as committed, e.g. "50.00 - 120 -". */
  @Transactional
  public String caps(long accountId) {
    return (String)
        em.createNativeQuery(
                """
                SELECT CONCAT_WS(' ', COALESCE(daily_spend_cap, '-'),
                  COALESCE(monthly_spend_cap, '-'), COALESCE(monthly_minutes_cap, '-'),
                  COALESCE(concurrent_calls_cap, '-')) FROM account WHERE id = ?1""")
            .setParameter(1, accountId)
            .getSingleResult();
  }

  /** Status and previous amount of a request as committed, e.g. "APPROVED 50.00". */
  @Transactional
  public String request(long requestId) {
    return (String)
        em.createNativeQuery(
                """
                SELECT CONCAT_WS(' ', status, COALESCE(previous_amount, '-'))
                FROM limit_request WHERE id = ?1""")
            .setParameter(1, requestId)
            .getSingleResult();
  }

  @Transactional
  public long requestsOf(long accountId) {
    return count("SELECT COUNT(*) FROM limit_request WHERE account_id = ?1", accountId, null);
  }

  /** Notices of {@code kind} about the account (one per administrator told). */
  @Transactional
  public long notices(long accountId, String kind) {
    return count(
        "SELECT COUNT(*) FROM portal_notice WHERE account_id = ?1 AND kind = ?2", accountId, kind);
  }

  /** The texts of the notices of {@code kind} about the account, oldest first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> noticeBodies(long accountId, String kind) {
    return em.createNativeQuery(
            "SELECT body FROM portal_notice WHERE account_id = ?1 AND kind = ?2 ORDER BY id")
        .setParameter(1, accountId)
        .setParameter(2, kind)
        .getResultList();
  }

  @Transactional
  public long alerts(long accountId) {
    return count("SELECT COUNT(*) FROM usage_alert WHERE account_id = ?1", accountId, null);
  }

  /** Alerts raised for the account at {@code threshold} %. */
  @Transactional
  public long alertsAt(long accountId, int threshold) {
    return count(
        "SELECT COUNT(*) FROM usage_alert WHERE account_id = ?1 AND threshold = ?2",
        accountId,
        Integer.toString(threshold));
  }

  @Transactional
  public long audited(long accountId, String action) {
    return count(
        "SELECT COUNT(*) FROM audit_event WHERE account_id = ?1 AND action = ?2",
        accountId,
        action);
  }

  private long count(String sql, long accountId, String second) {
    var query = em.createNativeQuery(sql).setParameter(1, accountId);
    if (second != null) {
      query.setParameter(2, second);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
