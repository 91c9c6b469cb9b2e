package io.dialtone.incontainer;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * In-container fixture of the dashboard tests: users of a status in an account (no credentials:
 * nobody signs in as them) and audit events of an account, appended through the real trail.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DashboardRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AuditTrail trail;

  /** A new user of {@code accountId} with {@code status} (ACTIVE, PENDING, DISABLED); its id. */
  @Transactional
  public long user(long accountId, String status) {
    return ((Number)
            em.createNativeQuery(
                    """
                    INSERT INTO app_user (account_id, email, display_name, status, created_at)
                    VALUES (?1, ?2, 'Dashboard test', ?3, UTC_TIMESTAMP(6)) RETURNING id""")
                .setParameter(1, accountId)
                .setParameter(2, "dash-" + UUID.randomUUID() + "@example.test")
                .setParameter(3, status)
                .getSingleResult())
        .longValue();
  }

  /**
   * Appends {@code times} events of {@code action} by {@code actor} concerning {@code accountId}.
   */
  public void events(AuditAction action, String actor, Long accountId, int times) {
    for (int i = 0; i < times; i++) {
      trail.record(
          AuditRecord.builder(
                  action,
                  action == AuditAction.SIGN_IN_MFA ? AuditResult.SUCCESS : AuditResult.FAILURE)
              .actor(actor)
              .account(accountId)
              .sourceIp("192.0.2.7")
              .build());
    }
  }
}
