package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * User administration, one transaction per use case: invite, change roles, disable, enable, reset
 * the second factor. Every id comes from a request and is checked against the caller's scope; roles
 * must be ones the caller may grant in the user's account ({@link GrantableRoles}). Nobody changes
 * their own roles, disables themselves or resets their own MFA here, and the last active platform
 * administrator keeps that role. Disabling, role changes and MFA resets end the user's sessions
 * (C5). Every change is audited with what changed.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserManagement {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;
  @Inject AuditTrail audit;
  @Inject Invitations invitations;
  @Inject StepUp stepUp;
  @Inject HttpServletRequest request;

  /** The accounts in the caller's scope whose users the caller may manage, parents first. */
  @Transactional
  public List<AccountView> manageableAccounts() {
    SignedInUser caller = access.require(Permission.MANAGE_USERS);
    return tree.subtreeOf(caller.accountId()).stream()
        .filter(a -> !GrantableRoles.grantable(caller.permissions(), a.kind()).isEmpty())
        .toList();
  }

  /** The users of an account in scope, by e-mail. */
  @Transactional
  public List<User> usersOf(long accountId) {
    AccountView account = manageableAccount(accountId);
    return em.createNamedQuery(User.LIST_BY_ACCOUNT, User.class)
        .setParameter("accountId", account.id())
        .getResultList();
  }

  /** The roles the caller may grant in an account in scope. */
  @Transactional
  public Set<Role> grantableIn(long accountId) {
    AccountView account = manageableAccount(accountId);
    return GrantableRoles.grantable(access.caller().permissions(), account.kind());
  }

  /** A user of an account in the caller's scope. */
  @Transactional
  public User get(long userId) {
    return manageableUser(userId);
  }

  /** Invites a new user to an account in scope; mails them a one-time enrolment link. */
  @Transactional(rollbackOn = EmailTaken.class)
  public User invite(
      long accountId,
      @NotBlank @Email @Size(max = User.EMAIL_MAX) String email,
      @Size(max = User.NAME_MAX) String displayName,
      @NotNull Set<Role> roles)
      throws EmailTaken {
    AccountView account = manageableAccount(accountId);
    requireGrantable(account, roles);
    return invitations.invite(account, email, displayName, roles);
  }

  /** Sends an open invitation again with a new link (the old one stops working). */
  @Transactional
  public void resendInvitation(long userId) {
    User user = manageableUser(userId);
    if (user.getStatus() != UserStatus.PENDING || user.hasPassword()) {
      throw access.refuse(target(user), "resend an invitation that is not open");
    }
    invitations.resend(user, tree.find(user.getAccountId()).orElseThrow());
  }

  /** Replaces the display name and roles of another user in scope. */
  @Transactional
  public void edit(long userId, @Size(max = User.NAME_MAX) String displayName, Set<Role> roles) {
    User user = manageableUser(userId);
    notSelf(user, "change own roles");
    AccountView account = tree.find(user.getAccountId()).orElseThrow();
    requireGrantable(account, roles);
    Set<Role> before = user.getRoles();
    if (!before.equals(roles)) {
      keepsLastPlatformAdmin(user, roles.contains(Role.PLATFORM_ADMIN));
      user.changeRoles(roles);
      record(
          AuditAction.USER_ROLES_CHANGED, user, "roles " + sorted(before) + " -> " + sorted(roles));
    }
    if (!java.util.Objects.equals(user.getDisplayName(), displayName)) {
      user.rename(displayName);
      record(AuditAction.USER_ROLES_CHANGED, user, "display name changed");
    }
  }

  /** Disables another user in scope and ends their sessions; false when already disabled. */
  @Transactional
  public boolean disable(long userId) {
    User user = manageableUser(userId);
    notSelf(user, "disable oneself");
    if (user.getStatus() == UserStatus.DISABLED) {
      return false;
    }
    keepsLastPlatformAdmin(user, false);
    String before = user.getStatus().name();
    user.disable();
    invitations.voidOpenLinks(user);
    record(AuditAction.USER_DISABLED, user, "status " + before + " -> DISABLED; sessions ended");
    return true;
  }

  /** Enables a disabled user in scope again; false when not disabled. */
  @Transactional
  public boolean enable(long userId) {
    User user = manageableUser(userId);
    if (user.getStatus() != UserStatus.DISABLED) {
      return false;
    }
    user.enable();
    record(AuditAction.USER_ENABLED, user, "status DISABLED -> " + user.getStatus());
    return true;
  }

  /**
   * Resets another user's second factor: the secret and recovery codes are gone, their sessions
   * end, and they are mailed a link to enrol a new authenticator (after proving their password).
   * The administrator must have stepped up within the last 5 minutes (C6).
   */
  @Transactional
  public void resetMfa(long userId) throws StepUpRequired {
    SignedInUser caller = access.require(Permission.RESET_USER_MFA);
    User user = manageableUser(userId);
    notSelf(user, "reset own MFA (use the security page)");
    if (user.getStatus() == UserStatus.DISABLED || !user.hasPassword()) {
      throw access.refuse(target(user), "reset MFA of a disabled or never-enrolled user");
    }
    access.requireInScope(Permission.RESET_USER_MFA, user.getAccountId());
    stepUp.requireRecent();
    user.resetSecondFactor();
    em.createNativeQuery("DELETE FROM recovery_code WHERE user_id = ?1")
        .setParameter(1, user.getId())
        .executeUpdate();
    invitations.sendMfaReset(user, tree.find(user.getAccountId()).orElseThrow());
    record(AuditAction.USER_MFA_RESET, user, "by " + caller.actor() + "; re-enrolment link mailed");
  }

  private AccountView manageableAccount(long accountId) {
    SignedInUser caller = access.requireInScope(Permission.MANAGE_USERS, accountId);
    AccountView account =
        tree.find(accountId).orElseThrow(() -> access.refuse(a(accountId), "none"));
    if (GrantableRoles.grantable(caller.permissions(), account.kind()).isEmpty()) {
      throw access.refuse(a(accountId), "manage users of a " + account.kind() + " account");
    }
    return account;
  }

  private User manageableUser(long userId) {
    User user = em.find(User.class, userId);
    if (user == null) {
      access.require(Permission.MANAGE_USERS);
      throw access.refuse(SignedInUser.actorOf(userId), "no such user");
    }
    manageableAccount(user.getAccountId());
    return user;
  }

  private void requireGrantable(AccountView account, Set<Role> roles) {
    if (!GrantableRoles.allows(access.caller().permissions(), account.kind(), roles)) {
      throw access.refuse(a(account.id()), "grant roles " + sorted(roles));
    }
  }

  private void notSelf(User user, String what) {
    if (user.getId() == access.caller().userId()) {
      throw access.refuse(target(user), what);
    }
  }

  /** Refuses to leave the platform without an active administrator. */
  private void keepsLastPlatformAdmin(User user, boolean staysAdmin) {
    boolean isActiveAdmin =
        user.getStatus() == UserStatus.ACTIVE && user.getRoles().contains(Role.PLATFORM_ADMIN);
    if (!isActiveAdmin || staysAdmin) {
      return;
    }
    long admins =
        em.createNamedQuery(User.COUNT_ACTIVE_WITH_ROLE, Long.class)
            .setParameter("role", Role.PLATFORM_ADMIN)
            .setParameter("status", UserStatus.ACTIVE)
            .getSingleResult();
    if (admins <= 1) {
      throw new LastPlatformAdministrator();
    }
  }

  private void record(AuditAction action, User user, String detail) {
    SignedInUser caller = access.caller();
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target(target(user))
            .account(user.getAccountId())
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }

  private static String target(User user) {
    return SignedInUser.actorOf(user.getId());
  }

  private static String a(long accountId) {
    return "account:" + accountId;
  }

  private static String sorted(Set<Role> roles) {
    return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).toString();
  }
}
