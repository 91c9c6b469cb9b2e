package io.dialtone.audit.control;

import io.dialtone.platform.control.ScheduledJobs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the audit chain once a day (first run an hour after start) and raises an alert when it
 * is broken: a SEVERE log line naming the first broken row, and an audit event of its own. A run
 * that fails (the database is down) is logged at SEVERE; the next day's run still happens.
 */
@ApplicationScoped
public class DailyChainCheck {

  private static final Logger LOG = Logger.getLogger(DailyChainCheck.class.getName());

  @Inject ScheduledJobs jobs;
  @Inject AuditChainVerifier verifier;
  @Inject AuditTrail audit;
  @Inject MeterRegistry registry;

  /** The last verification's result on this node: 1 intact, 0 broken, -1 not run yet. */
  private final AtomicInteger lastResult = new AtomicInteger(-1);

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Gauge.builder("dialtone.audit.chain.intact", lastResult, AtomicInteger::get)
        .description("Last audit chain verification: 1 intact, 0 broken, -1 not run yet")
        .strongReference(true)
        .register(registry);
    jobs.every(
        Duration.ofHours(24),
        Duration.ofHours(1),
        "ALERT audit chain verification failed; it runs again in 24 h",
        () -> check("system", null));
  }

  /** One verification on behalf of {@code actor} (audited with its result); returns the result. */
  public ChainVerification check(String actor, Long accountId) {
    ChainVerification result = verifier.verify();
    lastResult.set(result.intact() ? 1 : 0);
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
}
