package io.dialtone.sip.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.sip.entity.Ban;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the portal does with the registrar's bans: audits each ban once (actor {@code system}, the
 * banned address as source) and hands it to {@link SipNotices}. Failure bursts and devices going
 * offline are about an extension: the extension component observes them. The registrar's threads
 * never wait for the database: these synchronous observers (called after the firing transaction
 * committed, or at once outside one) only hand the work to the default managed executor. {@code
 * SipEvents} fires each event both synchronously and asynchronously; observing one of the two is
 * enough, so there is no {@code @ObservesAsync} here (it would handle every event twice). A failure
 * is logged at SEVERE and never reaches the registrar; a full executor queue drops the notice
 * (logged).
 */
@ApplicationScoped
public class RegistrarEvents {

  private static final Logger LOG = Logger.getLogger(RegistrarEvents.class.getName());

  @Inject AuditTrail audit;
  @Inject SipNotices notices;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** Bans audited on this node, by address and start, until they lapse. */
  private final Map<String, Instant> auditedBans = new ConcurrentHashMap<>();

  void banned(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceBanned event) {
    later(() -> onBanned(event), label(event));
  }

  private void onBanned(SourceBanned event) {
    Ban ban = event.ban();
    if (auditedBans.putIfAbsent(ban.address() + "@" + ban.since().toEpochMilli(), ban.until())
        == null) {
      audit(event);
    }
    notices.banned(ban, event.lastUserAgent());
  }

  /** Audits a ban, once per ban on this node (repeated events for it are not audited again). */
  private void audit(SourceBanned event) {
    Ban ban = event.ban();
    Instant now = Instant.now();
    auditedBans.values().removeIf(until -> until.isBefore(now));
    audit.record(
        AuditRecord.builder(AuditAction.SIP_SOURCE_BANNED, AuditResult.SUCCESS)
            .actor("system")
            .account(AccountScope.PLATFORM_ACCOUNT_ID)
            .target("sip-source:" + ban.address())
            .sourceIp(ban.address())
            .detail(
                ban.reason()
                    + " until "
                    + ban.until()
                    + (event.lastUserAgent() == null || event.lastUserAgent().isBlank()
                        ? ""
                        : "; User-Agent " + event.lastUserAgent()))
            .build());
  }

  private void later(Runnable work, Object event) {
    try {
      executor.execute(() -> safely(work, event));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.SEVERE, "executor full: " + event + " not audited or notified", e);
    }
  }

  /** A ban for the log: the address only (the User-Agent is the sender's text, never logged). */
  private static String label(SourceBanned event) {
    return "SourceBanned[" + event.ban().address() + ", " + event.ban().reason() + "]";
  }

  private static void safely(Runnable work, Object event) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "handling " + event + " failed", e);
    }
  }
}
