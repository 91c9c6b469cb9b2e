package io.dialtone.usage.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The 80 % and 100 % alerts of a cap (SECURITY.md E4), at most once per account, cap, period and
 * threshold: the {@code usage_alert} row is inserted first ({@code INSERT IGNORE} on its primary
 * key), and only the insert that added it tells the administrators (portal notice and e-mail) and
 * audits {@code USAGE_ALERT_SENT}. So two nodes, a restart or a replay never alert twice. The
 * concurrent-call cap's alerts ({@link CallCapAlerts}) have texts of their own.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UsageAlerts {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree accounts;
  @Inject UsageNotices notices;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Raises the alert of {@code level} % of {@code cap} for the period starting {@code period},
   * unless it was raised before.
   *
   * @return whether this call raised it
   */
  @Transactional
  public boolean raise(
      long accountId,
      UsageCap cap,
      LocalDate period,
      int level,
      BigDecimal used,
      BigDecimal limit,
      String currency) {
    int added =
        em.createNativeQuery(
                """
                INSERT IGNORE INTO usage_alert (account_id, cap, period_start, threshold, sent_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
            .setParameter(1, accountId)
            .setParameter(2, cap.name())
            .setParameter(3, period)
            .setParameter(4, level)
            .setParameter(5, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .executeUpdate();
    if (added == 0) {
      return false;
    }
    String usedText = Amounts.format(cap, used, currency);
    String limitText = Amounts.format(cap, limit, currency);
    String name = accounts.find(accountId).map(a -> a.name()).orElse("");
    boolean calls = cap == UsageCap.CONCURRENT_CALLS;
    notices.tell(
        accountId,
        cap,
        calls ? NoticeKind.CONCURRENT_CALLS_ALERT : NoticeKind.USAGE_ALERT,
        name,
        String.valueOf(level),
        usedText,
        limitText);
    audit.record(
        AuditRecord.builder(AuditAction.USAGE_ALERT_SENT, AuditResult.SUCCESS)
            .actor("system")
            .target("account:" + accountId)
            .account(accountId)
            .detail(
                cap
                    + " "
                    + level
                    + " % reached ("
                    + usedText
                    + " of "
                    + limitText
                    + "), period "
                    + period)
            .build());
    return true;
  }

  /** The thresholds already alerted for {@code cap} in the period starting {@code period}. */
  @Transactional
  public long sent(long accountId, UsageCap cap, LocalDate period) {
    return ((Number)
            em.createNativeQuery(
                    """
                    SELECT COUNT(*) FROM usage_alert
                    WHERE account_id = ?1 AND cap = ?2 AND period_start = ?3""")
                .setParameter(1, accountId)
                .setParameter(2, cap.name())
                .setParameter(3, period)
                .getSingleResult())
        .longValue();
  }
}
