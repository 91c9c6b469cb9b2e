package io.dialtone.usage.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Usage;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.usage.entity.ExtensionLimit;
import io.dialtone.usage.entity.WorkingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an account's {@link UsageState}: caps granted on the account, its working limits and
 * extension caps, and its month so far from the daily totals ({@code cdr.control.UsageTotals}: at
 * most 31 index rows, never the CDRs). Also what the pages read about limits (no caller check: the
 * calling control checks first).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UsageSource {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree accounts;
  @Inject UsageTotals totals;

  @Transactional
  public UsageState load(long accountId, Instant at) {
    AccountView account = accounts.find(accountId).orElse(null);
    if (account == null) {
      return new UsageState(
          accountId,
          ZoneId.of("UTC"),
          "",
          CapSet.NONE,
          Map.of(),
          LocalDate.ofInstant(at, ZoneId.of("UTC")),
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          0);
    }
    ZoneId zone = ZoneId.of(account.profile().timeZone());
    LocalDate day = LocalDate.ofInstant(at, zone);
    List<DailyUsage> month = totals.daily(accountId, null, day.withDayOfMonth(1), day.plusDays(1));
    Usage monthUsage = month.stream().map(DailyUsage::usage).reduce(Usage.NONE, Usage::plus);
    Usage today = month.getLast().usage();
    return new UsageState(
        accountId,
        zone,
        account.profile().currency(),
        caps(account),
        extensionCaps(accountId),
        day,
        today.cost(),
        monthUsage.cost(),
        monthUsage.minutes());
  }

  /** The granted caps and working limits of {@code account}. */
  public CapSet caps(AccountView account) {
    return new CapSet(account.caps(), working(account.id()));
  }

  /** The working limits of an account ({@link UsageCaps#NONE} when it never set any). */
  public UsageCaps working(long accountId) {
    WorkingLimits limits = em.find(WorkingLimits.class, accountId);
    return limits == null ? UsageCaps.NONE : limits.limits();
  }

  /** The concurrent-call caps of the account's extensions, by number. */
  public Map<String, Integer> extensionCaps(long accountId) {
    Map<String, Integer> caps = new HashMap<>();
    for (ExtensionLimit limit :
        em.createNamedQuery(ExtensionLimit.LIST_BY_ACCOUNT, ExtensionLimit.class)
            .setParameter("accountId", accountId)
            .getResultList()) {
      caps.put(limit.getExtension(), limit.getConcurrentCalls());
    }
    return caps;
  }
}
