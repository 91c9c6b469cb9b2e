package io.dialtone.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** In-container fixture of the CDR tests: reads of committed CDR, totals and audit rows. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CdrRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The stored columns of the call with this SIP Call-ID (one row expected). */
  @Transactional
  public Object[] call(String callId) {
    return (Object[])
        em.createNativeQuery(
                """
                SELECT account_id, extension, direction, callee, remote_digits, dest_class,
                  dest_country, billsec, disposition, block_reason, block_rule_id, trunk,
                  trunk_attempts, cost, currency, start_time
                FROM cdr WHERE call_id = ?1
                """)
            .setParameter(1, callId)
            .getSingleResult();
  }

  /** The extension id stored with the call {@code id} ({@code null}: none). */
  @Transactional
  public Long extensionIdOf(long id) {
    Object v =
        em.createNativeQuery("SELECT extension_id FROM cdr WHERE id = ?1")
            .setParameter(1, id)
            .getSingleResult();
    return v == null ? null : ((Number) v).longValue();
  }

  @Transactional
  public long count(String callId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM cdr WHERE call_id = ?1")
                .setParameter(1, callId)
                .getSingleResult())
        .longValue();
  }

  /** calls, answered, blocked, billsec, minutes, cost of an account's day, or null. */
  @Transactional
  public Object[] accountDay(long accountId, LocalDate day) {
    List<?> rows =
        em.createNativeQuery(
                """
                SELECT calls, answered, blocked, billsec, minutes, cost FROM cdr_daily_account
                WHERE account_id = ?1 AND day = ?2
                """)
            .setParameter(1, accountId)
            .setParameter(2, day)
            .getResultList();
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }

  /** The same for one extension. */
  @Transactional
  public Object[] extensionDay(long accountId, String extension, LocalDate day) {
    List<?> rows =
        em.createNativeQuery(
                """
                SELECT calls, answered, blocked, billsec, minutes, cost FROM cdr_daily_extension
                WHERE account_id = ?1 AND extension = ?2 AND day = ?3
                """)
            .setParameter(1, accountId)
            .setParameter(2, extension)
            .setParameter(3, day)
            .getResultList();
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }

  @Transactional
  public long rates() {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM rate").getSingleResult())
        .longValue();
  }

  @Transactional
  public long audits(String action, String actor, String result) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND actor = ?2 AND result = ?3")
                .setParameter(1, action)
                .setParameter(2, actor)
                .setParameter(3, result)
                .getSingleResult())
        .longValue();
  }
}
