package io.dialtone.cdr.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Each customer account's call-record retention in months: {@value RetentionPlan#DEFAULT_MONTHS}
 * unless set, never below {@value RetentionPlan#MIN_MONTHS} nor above {@value
 * RetentionPlan#MAX_MONTHS}. Read with VIEW_CDRS in scope; changed by whoever may edit the
 * account's profile in scope (customer admins, resellers, platform administrators), audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CdrRetention {

  private static final String SELECT = "SELECT months FROM cdr_retention WHERE account_id = ?1";

  private static final String UPSERT =
      """
      INSERT INTO cdr_retention (account_id, months, updated_at) VALUES (?1, ?2, ?3)
      ON DUPLICATE KEY UPDATE months = VALUES(months), updated_at = VALUES(updated_at)
      """;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree accounts;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;
  @Inject Clock clock;

  /** The retention of an account in scope. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public int months(long accountId) {
    access.requireInScope(Permission.VIEW_CDRS, accountId);
    return stored(accountId);
  }

  /** Whether the caller may change the retention of {@code accountId} (for showing the form). */
  public boolean mayChange(long accountId) {
    return access.may(Permission.MANAGE_ACCOUNT_PROFILE);
  }

  /**
   * Sets the retention of a customer account in scope.
   *
   * @throws IllegalArgumentException when {@code months} is out of range (nothing changes)
   */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public void change(long accountId, int months) {
    SignedInUser caller = access.requireInScope(Permission.MANAGE_ACCOUNT_PROFILE, accountId);
    if (accounts.find(accountId).map(a -> a.kind() != AccountKind.CUSTOMER).orElse(true)) {
      throw access.refuse("account:" + accountId, "retention of a non-customer account");
    }
    if (months < RetentionPlan.MIN_MONTHS || months > RetentionPlan.MAX_MONTHS) {
      throw new IllegalArgumentException("retention out of range");
    }
    int before = stored(accountId);
    if (before == months) {
      return;
    }
    em.createNativeQuery(UPSERT)
        .setParameter(1, accountId)
        .setParameter(2, months)
        .setParameter(3, clock.instant())
        .executeUpdate();
    audit.record(
        AuditRecord.builder(AuditAction.CDR_RETENTION_CHANGED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(accountId)
            .target("account:" + accountId)
            .sourceIp(request.getRemoteAddr())
            .detail(before + " -> " + months + " months")
            .build());
  }

  private int stored(long accountId) {
    List<?> rows = em.createNativeQuery(SELECT).setParameter(1, accountId).getResultList();
    return rows.isEmpty() ? RetentionPlan.DEFAULT_MONTHS : ((Number) rows.get(0)).intValue();
  }
}
