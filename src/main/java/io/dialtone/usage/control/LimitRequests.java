package io.dialtone.usage.control;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.CapsExceedParent;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
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
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Limit-change requests: a customer administrator ({@link Permission#MANAGE_USAGE_LIMITS}) asks to
 * raise a cap granted from above, with a reason and an optional end date; an administrator above
 * the account ({@link Permission#APPROVE_LIMIT_REQUESTS}: its reseller's, or the platform's) sees
 * the pending requests of their subtree and approves — the account's granted cap becomes the
 * amount, within the approver's own account's cap — or refuses, with a comment. Nobody decides a
 * request of their own account. A new request is told to the administrators who decide it (the
 * parent reseller's, or the platform's) and a decision to the requester's administrators, each as a
 * portal notice and an e-mail; every step is audited. An unknown request or one out of scope is
 * refused as not found (audited).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class LimitRequests {

  /** How many pending requests an approver's list holds at most (the oldest). */
  static final int PENDING_SHOWN = 500;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;
  @Inject AccountManagement accounts;
  @Inject AccountScope scopes;
  @Inject UsageNotices notices;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject HttpServletRequest request;
  @Inject Event<UsageLimitsChanged> changed;

  /**
   * Asks to raise {@code cap} of the account to {@code amount} until {@code endsOn} (inclusive, in
   * the account's time zone; {@code null}: for good).
   *
   * @throws LimitRefused when the amount, reason or date is wrong, or the amount is not above the
   *     granted cap (the administrator may then set it without asking)
   */
  @Transactional
  public LimitRequest request(
      long accountId, UsageCap cap, BigDecimal amount, String reason, LocalDate endsOn) {
    SignedInUser caller = access.requireInScope(Permission.MANAGE_USAGE_LIMITS, accountId);
    AccountView account =
        tree.find(accountId)
            .orElseThrow(() -> access.refuse("account:" + accountId, "no such account"));
    if (cap == null || amount == null || !cap.accepts(amount)) {
      throw new LimitRefused("usage.request.amountInvalid");
    }
    if (reason == null || reason.isBlank()) {
      throw new LimitRefused("usage.request.reasonRequired");
    }
    if (reason.strip().length() > LimitRequest.REASON_MAX) {
      throw new LimitRefused("usage.request.reasonTooLong", LimitRequest.REASON_MAX);
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), UsageLimits.zone(account));
    if (endsOn != null && endsOn.isBefore(today)) {
      throw new LimitRefused("usage.request.endPast");
    }
    BigDecimal granted = cap.of(account.caps());
    if (granted == null || amount.compareTo(granted) <= 0) {
      throw new LimitRefused("usage.request.notAbove", cap);
    }
    LimitRequest asked =
        new LimitRequest(accountId, cap, amount, reason, endsOn, caller.userId(), clock.instant());
    em.persist(asked);
    em.flush();
    String currency = account.profile().currency();
    int told = notices.requestReceived(account, asked, granted);
    record(
        caller,
        AuditAction.LIMIT_REQUESTED,
        asked,
        cap
            + " "
            + Amounts.format(cap, granted, currency)
            + " -> "
            + Amounts.format(cap, amount, currency)
            + (endsOn == null ? "" : " until " + endsOn)
            + "; deciders told: "
            + told);
    return asked;
  }

  /**
   * The pending requests the caller may decide: of accounts below theirs (selected in SQL by the
   * caller's subtree; a platform approver's is everything), oldest first, at most {@value
   * #PENDING_SHOWN}.
   */
  @Transactional
  public List<PendingRequest> pending() {
    SignedInUser caller = access.require(Permission.APPROVE_LIMIT_REQUESTS);
    Optional<Set<Long>> scope = scopes.scopeOf(caller.accountId());
    TypedQuery<LimitRequest> query =
        scope.isEmpty()
            ? em.createNamedQuery(LimitRequest.LIST_PENDING, LimitRequest.class)
            : em.createNamedQuery(LimitRequest.LIST_PENDING_IN, LimitRequest.class)
                .setParameter("scope", scope.get());
    return query
        .setParameter("status", LimitRequestStatus.PENDING)
        .setParameter("own", caller.accountId())
        .setMaxResults(PENDING_SHOWN)
        .getResultList()
        .stream()
        .map(this::pendingRow)
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Approves: the account's granted cap becomes the requested amount.
   *
   * @throws LimitRefused {@code usage_requests.alreadyDecided}, or {@code
   *     usage_requests.aboveParent} when the amount is above the cap of the account above
   */
  @Transactional
  public LimitRequest approve(long requestId, String comment) {
    SignedInUser caller = access.caller();
    LimitRequest asked = decidable(requestId, comment);
    AccountView account = tree.find(asked.getAccountId()).orElseThrow();
    UsageCap cap = asked.getCap();
    String currency = account.profile().currency();
    UsageCaps caps = account.caps();
    BigDecimal previous = cap.of(caps);
    try {
      accounts.changeCaps(account.id(), cap.with(caps, asked.getAmount()));
    } catch (CapsExceedParent e) {
      BigDecimal ceiling = cap.of(tree.find(account.parentId()).orElseThrow().caps());
      throw new LimitRefused(
          "usage_requests.aboveParent", cap, Amounts.format(cap, ceiling, currency));
    }
    asked.approve(caller.userId(), clock.instant(), comment, previous);
    String amount = Amounts.format(cap, asked.getAmount(), currency);
    record(
        caller,
        AuditAction.LIMIT_REQUEST_APPROVED,
        asked,
        cap
            + " "
            + Amounts.format(cap, previous, currency)
            + " -> "
            + amount
            + (asked.getEndsOn() == null ? "" : " until " + asked.getEndsOn())
            + commentDetail(asked));
    notices.tell(
        account.id(),
        cap,
        NoticeKind.LIMIT_REQUEST_APPROVED,
        account.name(),
        amount,
        nonNull(asked.getDecisionComment()));
    changed.fire(new UsageLimitsChanged(account.id()));
    return asked;
  }

  /** Refuses: nothing changes but the request. */
  @Transactional
  public LimitRequest refuse(long requestId, String comment) {
    SignedInUser caller = access.caller();
    LimitRequest asked = decidable(requestId, comment);
    AccountView account = tree.find(asked.getAccountId()).orElseThrow();
    asked.refuse(caller.userId(), clock.instant(), comment);
    UsageCap cap = asked.getCap();
    String amount = Amounts.format(cap, asked.getAmount(), account.profile().currency());
    record(
        caller,
        AuditAction.LIMIT_REQUEST_REFUSED,
        asked,
        cap + " " + amount + commentDetail(asked));
    notices.tell(
        account.id(),
        cap,
        NoticeKind.LIMIT_REQUEST_REFUSED,
        account.name(),
        amount,
        nonNull(asked.getDecisionComment()));
    return asked;
  }

  /** A pending request the caller may decide, locked; refusals as in the class comment. */
  private LimitRequest decidable(long requestId, String comment) {
    SignedInUser caller = access.require(Permission.APPROVE_LIMIT_REQUESTS);
    LimitRequest asked = em.find(LimitRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
    if (asked == null) {
      throw access.refuse("limit-request:" + requestId, "no such request");
    }
    access.requireInScope(Permission.APPROVE_LIMIT_REQUESTS, asked.getAccountId());
    if (asked.getAccountId() == caller.accountId()) {
      throw access.refuse("limit-request:" + requestId, "decide a request of one's own account");
    }
    if (!asked.isPending()) {
      throw new LimitRefused("usage_requests.alreadyDecided");
    }
    if (comment != null && comment.strip().length() > LimitRequest.COMMENT_MAX) {
      throw new LimitRefused("usage_requests.commentTooLong", LimitRequest.COMMENT_MAX);
    }
    return asked;
  }

  private Optional<PendingRequest> pendingRow(LimitRequest r) {
    return tree.find(r.getAccountId())
        .map(
            a ->
                new PendingRequest(
                    r,
                    a.name(),
                    a.accountNumber(),
                    a.profile().currency(),
                    r.getCap().of(a.caps())));
  }

  private static String commentDetail(LimitRequest r) {
    return r.getDecisionComment() == null ? "" : "; comment: " + r.getDecisionComment();
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private void record(SignedInUser caller, AuditAction action, LimitRequest r, String detail) {
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target("limit-request:" + r.getId())
            .account(r.getAccountId())
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
