package io.dialtone.identity.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.CustomerDirectory;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Support impersonation (SECURITY.md F4): an agent with {@link Permission#IMPERSONATE} acts as the
 * administrator of an active customer account in their scope, with a reason, for at most {@link
 * ImpersonationPolicy#length()}. The session then holds the agent as the person (so every audit row
 * names the agent as actor) with the customer's account as scope and the customer administrator's
 * role, minus anything touching credentials ({@link SignedInUser#permissions()}). Start and end are
 * audited with the customer as on-behalf-of. The boundary swaps the session's user; this control
 * decides and records.
 */
@ApplicationScoped
public class Impersonations {

  static final String STOPPED = "stopped";
  static final String EXPIRED = "expired";
  static final String ACCOUNT_INACTIVE = "account suspended";
  static final String SESSION_ENDED = "session ended";

  @Inject AccessControl access;
  @Inject CustomerDirectory customers;
  @Inject AccountTree tree;
  @Inject AuditTrail audit;
  @Inject ImpersonationPolicy policy;
  @Inject Clock clock;

  /** The customer account the caller may act for, for the start form; refused as 404 if not. */
  @Transactional
  public ImpersonationTarget target(long accountId, String sourceIp) {
    SignedInUser caller = permitted(accountId, sourceIp);
    AccountView account = customerAccount(caller, accountId, sourceIp);
    return new ImpersonationTarget(
        accountId, account.name(), account.accountNumber(), tree.isActiveWithAncestors(accountId));
  }

  /**
   * Starts acting as the administrator of customer account {@code accountId}.
   *
   * @return the session's new user: the agent, in the customer's account
   * @throws ImpersonationRefused without a valid reason, or when the account is suspended
   */
  @Transactional
  public SignedInUser start(long accountId, String reason, String sourceIp)
      throws ImpersonationRefused {
    SignedInUser agent = permitted(accountId, sourceIp);
    AccountView account = customerAccount(agent, accountId, sourceIp);
    String why = ImpersonationReason.checked(reason);
    if (!tree.isActiveWithAncestors(accountId)) {
      record(
          agent,
          accountId,
          AuditAction.IMPERSONATION_STARTED,
          AuditResult.DENIED,
          sourceIp,
          "account suspended; reason: " + why);
      throw new ImpersonationRefused("support_act.suspended");
    }
    Instant now = clock.instant();
    SignedInUser acting =
        actingAs(
            agent,
            accountId,
            new Impersonation(agent, account.name(), why, now, now.plus(policy.length())));
    record(agent, accountId, AuditAction.IMPERSONATION_STARTED, AuditResult.SUCCESS, sourceIp, why);
    return acting;
  }

  /** Ends {@code current}'s impersonation at the agent's request; the agent's own sign-in. */
  public SignedInUser stop(SignedInUser current, String sourceIp) {
    return end(current, STOPPED, sourceIp);
  }

  /**
   * Ends {@code current}'s impersonation if its time is up or its customer account no longer
   * active, and returns the agent's own sign-in then; empty while it may go on (or if {@code
   * current} is not impersonating).
   */
  public Optional<SignedInUser> endIfOver(SignedInUser current, String sourceIp) {
    if (!current.isImpersonating()) {
      return Optional.empty();
    }
    if (current.impersonation().isOverAt(clock.instant())) {
      return Optional.of(end(current, EXPIRED, sourceIp));
    }
    if (!tree.isActiveWithAncestors(current.accountId())) {
      return Optional.of(end(current, ACCOUNT_INACTIVE, sourceIp));
    }
    return Optional.empty();
  }

  /**
   * Records the end of {@code current}'s impersonation when its session ends while it lasts (sign
   * out, idle timeout, session invalidated); nothing is restored.
   */
  public void endWithSession(SignedInUser current) {
    end(current, SESSION_ENDED, null);
  }

  /** The session user of {@code agent} acting as administrator of {@code accountId}. */
  static SignedInUser actingAs(SignedInUser agent, long accountId, Impersonation impersonation) {
    return new SignedInUser(
        agent.userId(),
        agent.email(),
        agent.displayName(),
        accountId,
        Set.of(Role.CUSTOMER_ADMIN),
        agent.authenticatedAt(),
        agent.sessionEpoch(),
        impersonation);
  }

  private SignedInUser end(SignedInUser current, String how, String sourceIp) {
    if (!current.isImpersonating()) {
      throw new IllegalStateException("not impersonating");
    }
    SignedInUser agent = current.impersonation().agent();
    record(
        agent,
        current.accountId(),
        AuditAction.IMPERSONATION_ENDED,
        AuditResult.SUCCESS,
        sourceIp,
        how);
    return agent;
  }

  /** The caller, when they may impersonate in {@code accountId}'s scope and are not doing so. */
  private SignedInUser permitted(long accountId, String sourceIp) {
    SignedInUser caller = access.requireInScope(Permission.IMPERSONATE, accountId);
    if (caller.isImpersonating()) {
      throw refuse(caller, accountId, sourceIp, "already impersonating");
    }
    return caller;
  }

  private AccountView customerAccount(SignedInUser caller, long accountId, String sourceIp) {
    return customers
        .find(accountId)
        .filter(account -> account.kind() == AccountKind.CUSTOMER)
        .orElseThrow(() -> refuse(caller, accountId, sourceIp, "impersonate a non-customer"));
  }

  private AccessDenied refuse(SignedInUser caller, long accountId, String sourceIp, String what) {
    audit.record(
        AuditRecord.builder(AuditAction.ACCESS_DENIED, AuditResult.DENIED)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(caller.accountId())
            .target("account:" + accountId)
            .sourceIp(sourceIp)
            .detail("refused: " + what)
            .build());
    return new AccessDenied(caller.actor() + " refused: " + what + " on account:" + accountId);
  }

  private void record(
      SignedInUser agent,
      long accountId,
      AuditAction action,
      AuditResult result,
      String sourceIp,
      String detail) {
    audit.record(
        AuditRecord.builder(action, result)
            .actor(agent.actor())
            .onBehalfOf("account:" + accountId)
            .account(accountId)
            .target("account:" + accountId)
            .sourceIp(sourceIp)
            .detail(detail)
            .build());
  }
}
