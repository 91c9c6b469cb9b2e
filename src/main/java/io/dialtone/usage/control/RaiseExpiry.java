package io.dialtone.usage.control;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.LimitRequestStatus;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the approved temporary raises whose end date is over: a raise "until 2026-12-01" lasts
 * through that day in the account's time zone and ends at the next midnight there. The cap falls
 * back to what it was before the approval — unless someone changed it since (an account page,
 * another request), when it is left as it is and the audit row says so. Each end is audited ({@code
 * LIMIT_RAISE_ENDED}, actor {@code system}) and told to the account's administrators. One
 * transaction per run; the time comes as a parameter ({@link RaiseExpiryJob} passes the injected
 * clock's), so a test can run it "after the end date".
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class RaiseExpiry {

  private static final Logger LOG = Logger.getLogger(RaiseExpiry.class.getName());

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree tree;
  @Inject AccountManagement accounts;
  @Inject UsageNotices notices;
  @Inject AuditTrail audit;
  @Inject Event<UsageLimitsChanged> changed;

  /** Ends the raises due at {@code now}; the ids of the requests ended. */
  @Transactional
  public List<Long> endDue(Instant now) {
    // Time zones run at most 14 hours ahead of UTC: every raise due now ended before this date.
    LocalDate before = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
    List<Long> ended = new ArrayList<>();
    for (LimitRequest candidate :
        em.createNamedQuery(LimitRequest.LIST_ENDING, LimitRequest.class)
            .setParameter("status", LimitRequestStatus.APPROVED)
            .setParameter("before", before)
            .getResultList()) {
      AccountView account = tree.find(candidate.getAccountId()).orElse(null);
      if (account == null || !due(candidate, account, now)) {
        continue;
      }
      LimitRequest raise =
          em.find(LimitRequest.class, candidate.getId(), LockModeType.PESSIMISTIC_WRITE);
      if (raise.getStatus() == LimitRequestStatus.APPROVED) {
        end(raise, account, now);
        ended.add(raise.getId());
      }
    }
    if (!ended.isEmpty()) {
      LOG.info(() -> "Ended " + ended.size() + " temporary limit raise(s)");
    }
    return ended;
  }

  private static boolean due(LimitRequest raise, AccountView account, Instant now) {
    Instant end = raise.getEndsOn().plusDays(1).atStartOfDay(UsageLimits.zone(account)).toInstant();
    return !now.isBefore(end);
  }

  private void end(LimitRequest raise, AccountView account, Instant now) {
    UsageCap cap = raise.getCap();
    String currency = account.profile().currency();
    BigDecimal current = cap.of(account.caps());
    BigDecimal previous = raise.getPreviousAmount();
    boolean untouched = current != null && current.compareTo(raise.getAmount()) == 0;
    String detail;
    if (untouched) {
      accounts.changeCaps(account.id(), cap.with(account.caps(), previous));
      detail =
          cap
              + " "
              + Amounts.format(cap, current, currency)
              + " -> "
              + (previous == null ? "none" : Amounts.format(cap, previous, currency))
              + " (ended "
              + raise.getEndsOn()
              + ")";
    } else {
      detail =
          cap
              + " left at "
              + (current == null ? "none" : Amounts.format(cap, current, currency))
              + ": changed since the approval (ended "
              + raise.getEndsOn()
              + ")";
    }
    raise.end(now);
    audit.record(
        AuditRecord.builder(AuditAction.LIMIT_RAISE_ENDED, AuditResult.SUCCESS)
            .actor("system")
            .target("limit-request:" + raise.getId())
            .account(account.id())
            .detail(detail)
            .build());
    BigDecimal inEffect = untouched ? previous : current;
    String amount = Amounts.format(cap, inEffect, currency);
    notices.tell(
        account.id(),
        cap,
        NoticeKind.LIMIT_RAISE_ENDED,
        account.name(),
        inEffect == null ? "-" : amount);
    changed.fire(new UsageLimitsChanged(account.id()));
  }
}
