package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/**
 * Account management use cases, one transaction each. Every account id comes from a request and is
 * checked against the caller's scope ({@link AccessControl#requireInScope}); lists read only the
 * caller's subtree. Resellers need {@link Permission#MANAGE_RESELLERS}, customers {@link
 * Permission#MANAGE_CUSTOMERS}; nobody manages the platform account or suspends their own account
 * (or one above it) here. Every change is audited with what changed, never a secret.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AccountManagement {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject jakarta.enterprise.event.Event<AccountSuspended> suspended;
  @Inject jakarta.enterprise.event.Event<AccountCapsChanged> capsChangedEvent;
  @Inject AccountTree tree;
  @Inject AccountScope scopes;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject HttpServletRequest request;

  /** An account the caller may manage (by its kind's permission), for the edit page. */
  @Transactional
  public AccountView get(long accountId) {
    return AccountView.of(manageable(accountId));
  }

  /** The accounts below the caller's that pass {@code filter}, parents first. */
  @Transactional
  public List<AccountView> list(@NotNull AccountFilter filter) {
    SignedInUser caller = access.require(Permission.MANAGE_CUSTOMERS);
    return tree.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.id() != caller.accountId())
        .filter(filter)
        .toList();
  }

  /** The resellers a new customer may be created under: the caller's own, or those in scope. */
  @Transactional
  public List<AccountView> possibleParents() {
    SignedInUser caller = access.require(Permission.MANAGE_CUSTOMERS);
    return tree.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.kind() == AccountKind.RESELLER)
        .toList();
  }

  @Transactional
  public AccountView createReseller(
      @NotNull @Valid AccountProfile profile, @NotNull @Valid UsageCaps caps) {
    SignedInUser caller = access.requireInScope(Permission.MANAGE_RESELLERS, Account.PLATFORM_ID);
    return create(caller, Account.PLATFORM_ID, AccountKind.RESELLER, profile, caps);
  }

  /** A customer below {@code parentId}, a reseller in the caller's scope. */
  @Transactional
  public AccountView createCustomer(
      long parentId, @NotNull @Valid AccountProfile profile, @NotNull @Valid UsageCaps caps) {
    SignedInUser caller = access.requireInScope(Permission.MANAGE_CUSTOMERS, parentId);
    Account parent = em.find(Account.class, parentId, LockModeType.PESSIMISTIC_READ);
    if (parent == null || parent.getKind() != AccountKind.RESELLER) {
      throw refuse(caller, parentId, "customer below a non-reseller");
    }
    checkWithinParent(caps, parent);
    return create(caller, parentId, AccountKind.CUSTOMER, profile, caps);
  }

  /** Replaces the profile and caps of a reseller or customer in scope. */
  @Transactional
  public AccountView edit(
      long accountId, @NotNull @Valid AccountProfile profile, @NotNull @Valid UsageCaps caps) {
    SignedInUser caller = access.caller();
    Account account = manageable(accountId);
    if (account.getKind() == AccountKind.CUSTOMER) {
      checkWithinParent(caps, em.find(Account.class, account.getParentId()));
    }
    String changes = ChangeDescription.of(account.getProfile(), account.getCaps(), profile, caps);
    boolean capsChanged = !account.getCaps().equals(caps);
    account.changeProfile(profile);
    account.changeCaps(caps);
    record(caller, AuditAction.ACCOUNT_UPDATED, account, changes);
    if (capsChanged) {
      capsChangedEvent.fire(new AccountCapsChanged(accountId));
    }
    return AccountView.of(account);
  }

  /**
   * Replaces the caps of an account for a use case of another component that has authorized it and
   * audits it itself (an approved limit request, the end of a temporary raise). A cap that rises
   * must stay within the parent's, unless the parent is the platform; a cap that falls or stays is
   * never refused, so an ended raise always falls back.
   *
   * @throws CapsExceedParent naming the caps that would rise above the parent's; nothing changed
   */
  @Transactional
  public void changeCaps(long accountId, @NotNull @Valid UsageCaps caps) {
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    if (account.getParentId() != null && account.getParentId() != Account.PLATFORM_ID) {
      Account parent = em.find(Account.class, account.getParentId());
      List<String> over = caps.raisedAbove(account.getCaps(), parent.getCaps());
      if (!over.isEmpty()) {
        throw new CapsExceedParent(over);
      }
    }
    if (!account.getCaps().equals(caps)) {
      account.changeCaps(caps);
      capsChangedEvent.fire(new AccountCapsChanged(accountId));
    }
  }

  /** The caller's own account profile (not its caps, not its status). */
  @Transactional
  public AccountView editOwnProfile(@NotNull @Valid AccountProfile profile) {
    SignedInUser caller = access.require(Permission.MANAGE_ACCOUNT_PROFILE);
    access.requireInScope(Permission.MANAGE_ACCOUNT_PROFILE, caller.accountId());
    Account account = em.find(Account.class, caller.accountId());
    String changes =
        ChangeDescription.of(account.getProfile(), account.getCaps(), profile, account.getCaps());
    account.changeProfile(profile);
    record(caller, AuditAction.ACCOUNT_UPDATED, account, "own profile; " + changes);
    return AccountView.of(account);
  }

  /** The caller's own account, for the profile page. */
  @Transactional
  public AccountView ownAccount() {
    SignedInUser caller = access.require(Permission.MANAGE_ACCOUNT_PROFILE);
    return AccountView.of(em.find(Account.class, caller.accountId()));
  }

  /** Suspends an account in scope; its users and those below it lose access. */
  @Transactional
  public boolean suspend(long accountId) {
    SignedInUser caller = access.caller();
    Account account = manageable(accountId);
    if (scopes.isWithin(accountId, caller.accountId())) {
      throw refuse(caller, accountId, "suspend own account or above it");
    }
    if (!account.isActive()) {
      return false;
    }
    account.suspend();
    record(caller, AuditAction.ACCOUNT_SUSPENDED, account, "status ACTIVE -> SUSPENDED");
    suspended.fire(new AccountSuspended(accountId));
    return true;
  }

  @Transactional
  public boolean reactivate(long accountId) {
    SignedInUser caller = access.caller();
    Account account = manageable(accountId);
    if (account.isActive()) {
      return false;
    }
    account.reactivate();
    record(caller, AuditAction.ACCOUNT_REACTIVATED, account, "status SUSPENDED -> ACTIVE");
    return true;
  }

  /** The account, when its kind's permission is the caller's and it is in the caller's scope. */
  private Account manageable(long accountId) {
    SignedInUser caller = access.caller();
    Account account = em.find(Account.class, accountId);
    Permission needed =
        account == null
            ? Permission.MANAGE_RESELLERS
            : switch (account.getKind()) {
              case RESELLER -> Permission.MANAGE_RESELLERS;
              case CUSTOMER -> Permission.MANAGE_CUSTOMERS;
              case PLATFORM -> null;
            };
    if (needed == null) {
      throw refuse(caller, accountId, "manage the platform account");
    }
    access.requireInScope(needed, accountId);
    if (account == null) {
      throw new AccessDenied("no account " + accountId);
    }
    return account;
  }

  private static void checkWithinParent(UsageCaps caps, Account parent) {
    List<String> over = caps.exceeding(parent.getCaps());
    if (!over.isEmpty()) {
      throw new CapsExceedParent(over);
    }
  }

  private AccountView create(
      SignedInUser caller,
      long parentId,
      AccountKind kind,
      AccountProfile profile,
      UsageCaps caps) {
    Account account = Account.below(parentId, kind, profile, caps, clock.instant());
    em.persist(account);
    em.flush();
    em.refresh(account); // the database assigned the account number
    record(
        caller,
        AuditAction.ACCOUNT_CREATED,
        account,
        kind + " " + account.getAccountNumber() + " below account:" + parentId);
    return AccountView.of(account);
  }

  /** Audits a refusal that no permission check catches, and returns the exception to throw. */
  private AccessDenied refuse(SignedInUser caller, long accountId, String what) {
    audit.record(
        AuditRecord.builder(AuditAction.ACCESS_DENIED, AuditResult.DENIED)
            .actor(caller.actor())
            .target("account:" + accountId)
            .account(caller.accountId())
            .sourceIp(request.getRemoteAddr())
            .detail("refused: " + what)
            .build());
    return new AccessDenied(caller.actor() + " refused: " + what + " on account:" + accountId);
  }

  private void record(SignedInUser caller, AuditAction action, Account account, String detail) {
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .target("account:" + account.getId())
            .account(account.getId())
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
