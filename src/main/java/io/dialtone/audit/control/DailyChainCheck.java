package io.dialtone.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the audit chain once a day (first run an hour after start) and raises an alert when it
 * is broken: a SEVERE log line naming the first broken row, and an audit event of its own.
 */
@ApplicationScoped
public class DailyChainCheck {

  private static final Logger LOG = Logger.getLogger(DailyChainCheck.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AuditChainVerifier verifier;
  @Inject AuditTrail audit;

  private ScheduledFuture<?> task;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    task = scheduler.scheduleAtFixedRate(() -> check("system", null), 1, 24, TimeUnit.HOURS);
  }

  /** One verification on behalf of {@code actor} (audited with its result); returns the result. */
  public ChainVerification check(String actor, Long accountId) {
    ChainVerification result = verifier.verify();
    if (!result.intact()) {
      LOG.log(
          Level.SEVERE,
          "ALERT audit chain broken: first broken row id={0} ({1} rows checked)",
          new Object[] {result.firstBrokenId(), result.checkedRows()});
    }
    audit.record(
        AuditRecord.builder(
                AuditAction.AUDIT_CHAIN_VERIFIED,
                result.intact() ? AuditResult.SUCCESS : AuditResult.FAILURE)
            .actor(actor)
            .account(accountId)
            .detail(describe(result))
            .build());
    return result;
  }

  static String describe(ChainVerification result) {
    return result.intact()
        ? "intact, " + result.checkedRows() + " rows"
        : "broken at id " + result.firstBrokenId() + ", " + result.checkedRows() + " rows checked";
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
