package io.dialtone.usage.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Usage;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.notification.control.NoticeCategory;
import io.dialtone.notification.control.NoticeCentre;
import io.dialtone.usage.entity.ExtensionLimit;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.UsageCap;
import io.dialtone.usage.entity.WorkingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

/**
 * The usage page's use cases (customer administrators, {@link Permission#MANAGE_USAGE_LIMITS}, in
 * their account's scope): the overview, the account's own working limits — anything up to the caps
 * granted from above, freely — and its extensions' concurrent-call caps. Raising above a granted
 * cap is a {@link LimitRequests limit request}. Every change is audited ({@code
 * USAGE_LIMITS_CHANGED}, before → after) and reaches {@link CapGate} when it commits; a change of
 * the maximum call duration fires {@link MaxCallDurationChanged} for call control instead.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UsageLimits {

  /** How many notices the page shows. */
  static final int NOTICES_SHOWN = 20;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;
  @Inject UsageSource source;
  @Inject UsageTotals totals;
  @Inject NoticeCentre notices;
  @Inject ActiveCalls active;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject HttpServletRequest request;
  @Inject Event<UsageLimitsChanged> changed;
  @Inject Event<MaxCallDurationChanged> durationChanged;

  @Transactional
  public UsageOverview overview(long accountId) {
    AccountView account = account(accountId);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone(account));
    List<DailyUsage> days =
        totals.daily(accountId, null, today.withDayOfMonth(1), today.plusDays(1));
    Usage month = days.stream().map(DailyUsage::usage).reduce(Usage.NONE, Usage::plus);
    return new UsageOverview(
        accountId,
        account.name(),
        account.profile().currency(),
        source.caps(account),
        today,
        days.getLast().usage(),
        month,
        days,
        active.of(AccountId.of(accountId)),
        new TreeMap<>(source.extensionCaps(accountId)),
        em.createNamedQuery(LimitRequest.LIST_BY_ACCOUNT, LimitRequest.class)
            .setParameter("accountId", accountId)
            .getResultList(),
        notices.about(accountId, NoticeCategory.USAGE, NOTICES_SHOWN));
  }

  /**
   * Replaces the account's working limits; each must be at most the granted cap.
   *
   * @throws LimitRefused {@code usage.limitAboveGranted} naming the first cap above its grant
   */
  @Transactional
  public void changeWorking(long accountId, @NotNull UsageCaps limits) {
    SignedInUser caller = access.caller();
    AccountView account = account(accountId);
    if (!limits.isValid()) {
      throw new LimitRefused("usage.limitInvalid");
    }
    List<UsageCap> above = CapSet.aboveGranted(limits, account.caps());
    if (!above.isEmpty()) {
      UsageCap cap = above.getFirst();
      throw new LimitRefused(
          "usage.limitAboveGranted",
          cap,
          Amounts.format(cap, cap.of(account.caps()), account.profile().currency()));
    }
    WorkingLimits working = em.find(WorkingLimits.class, accountId);
    UsageCaps before = working == null ? UsageCaps.NONE : working.limits();
    if (working == null) {
      working = new WorkingLimits(accountId);
      working.change(limits);
      em.persist(working);
    } else {
      working.change(limits);
    }
    record(caller, accountId, "own limits " + describe(before) + " -> " + describe(limits));
    changed.fire(new UsageLimitsChanged(accountId));
  }

  /**
   * Sets the longest an answered call of the account may last ({@code null}: the default, {@link
   * CallDurations#DEFAULT}); a change fires {@link MaxCallDurationChanged}, a setting left as it
   * was fires nothing.
   *
   * @throws LimitRefused {@code usage.maxCallInvalid} outside 1 to 1,440 minutes
   */
  @Transactional
  public void changeMaxCallMinutes(long accountId, Integer minutes) {
    SignedInUser caller = access.caller();
    account(accountId);
    if (minutes != null && (minutes < 1 || minutes > CallDurations.MAX_MINUTES)) {
      throw new LimitRefused("usage.maxCallInvalid", CallDurations.MAX_MINUTES);
    }
    WorkingLimits working = em.find(WorkingLimits.class, accountId);
    Integer before = working == null ? null : working.getMaxCallMinutes();
    if (java.util.Objects.equals(before, minutes)) {
      return;
    }
    if (working == null) {
      working = new WorkingLimits(accountId);
      working.changeMaxCallMinutes(minutes);
      em.persist(working);
    } else {
      working.changeMaxCallMinutes(minutes);
    }
    record(
        caller,
        accountId,
        "maximum call duration "
            + (before == null ? "-" : before + " min")
            + " -> "
            + (minutes == null ? "-" : minutes + " min"));
    durationChanged.fire(
        new MaxCallDurationChanged(
            accountId, minutes == null ? CallDurations.DEFAULT : Duration.ofMinutes(minutes)));
  }

  /** The account's own maximum call duration in minutes, or {@code null} for the default. */
  @Transactional
  public Integer maxCallMinutes(long accountId) {
    account(accountId);
    WorkingLimits working = em.find(WorkingLimits.class, accountId);
    return working == null ? null : working.getMaxCallMinutes();
  }

  /**
   * Sets the concurrent-call cap of one extension ({@code null}: removes it).
   *
   * @throws LimitRefused {@code usage.extensionInvalid} or {@code usage.limitInvalid}
   */
  @Transactional
  public void changeExtensionCap(long accountId, String extension, Integer calls) {
    SignedInUser caller = access.caller();
    account(accountId);
    String number = extension == null ? "" : extension.strip();
    if (!ExtensionNumber.isValid(number)) {
      throw new LimitRefused("usage.extensionInvalid", number);
    }
    if (calls != null && calls < 0) {
      throw new LimitRefused("usage.limitInvalid");
    }
    ExtensionLimit limit = em.find(ExtensionLimit.class, new ExtensionLimit.Key(accountId, number));
    String before = limit == null ? "-" : String.valueOf(limit.getConcurrentCalls());
    if (calls == null) {
      if (limit == null) {
        return;
      }
      em.remove(limit);
    } else if (limit == null) {
      em.persist(new ExtensionLimit(accountId, number, calls));
    } else {
      limit.change(calls);
    }
    record(
        caller,
        accountId,
        "extension "
            + number
            + " concurrent calls "
            + before
            + " -> "
            + (calls == null ? "-" : calls));
    changed.fire(new UsageLimitsChanged(accountId));
  }

  /** The account, after the permission and scope checks. */
  private AccountView account(long accountId) {
    access.requireInScope(Permission.MANAGE_USAGE_LIMITS, accountId);
    return tree.find(accountId)
        .orElseThrow(() -> access.refuse("account:" + accountId, "no such account"));
  }

  static ZoneId zone(AccountView account) {
    return ZoneId.of(account.profile().timeZone());
  }

  static String describe(UsageCaps caps) {
    StringBuilder text = new StringBuilder("{");
    for (UsageCap cap : UsageCap.values()) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(cap)
          .append('=')
          .append(cap.of(caps) == null ? "-" : cap.of(caps).toPlainString());
    }
    return text.append('}').toString();
  }

  private void record(SignedInUser caller, long accountId, String detail) {
    audit.record(
        AuditRecord.builder(AuditAction.USAGE_LIMITS_CHANGED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target("account:" + accountId)
            .account(accountId)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
