package io.dialtone.identity.boundary.users;

import io.dialtone.account.control.AccountView;
import io.dialtone.identity.boundary.StepUpPrompt;
import io.dialtone.identity.control.EmailTaken;
import io.dialtone.identity.control.Invitations;
import io.dialtone.identity.control.LastPlatformAdministrator;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.identity.control.UserManagement;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code /users/index.xhtml}: the users of one account in the caller's scope (their own by default,
 * or {@code ?account=} one below it), an invitation form, and per user: edit, disable, enable,
 * resend the invitation, reset the second factor. View scoped for the page's Ajax requests; the
 * control re-checks every id the page sends.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient UserManagement management;
  @Inject transient AccessControl access;
  @Inject transient Invitations invitations;
  @Inject StepUpPrompt prompt;

  private Long accountId;
  private Long pendingMfaReset;
  private List<AccountView> accounts;
  private List<UserRow> rows;
  private List<Role> grantable;

  @NotBlank
  @Email
  @Size(max = 254)
  private String email;

  @Size(max = 120)
  private String displayName;

  /** Required by the page's validator (see the page: no @NotEmpty, for the group's ARIA). */
  private List<Role> roles = new ArrayList<>();

  /** View action: the account from the query string (checked by the control), else the first. */
  public void load() {
    accounts = management.manageableAccounts();
    if (accountId == null) {
      accountId = accounts.isEmpty() ? access.caller().accountId() : accounts.get(0).id();
    }
    refresh();
  }

  public void refresh() {
    rows = management.usersOf(accountId).stream().map(UserRow::of).toList();
    grantable = management.grantableIn(accountId).stream().sorted().toList();
  }

  public void invite() {
    try {
      management.invite(accountId, email, displayName, EnumSet.copyOf(roles));
      Messages.addGlobalInfo("users.invited", email, invitations.validityHours());
      email = null;
      displayName = null;
      roles = new ArrayList<>();
    } catch (EmailTaken e) {
      Messages.refusal(e);
    }
    refresh();
  }

  public void disable(long userId) {
    try {
      if (management.disable(userId)) {
        Messages.addGlobalInfo("users.disabled");
      }
    } catch (LastPlatformAdministrator e) {
      Messages.refusal(e);
    }
    refresh();
  }

  public void enable(long userId) {
    if (management.enable(userId)) {
      Messages.addGlobalInfo("users.enabled");
    }
    refresh();
  }

  public void resend(long userId) {
    management.resendInvitation(userId);
    Messages.addGlobalInfo("users.resent");
    refresh();
  }

  /** Resets a user's MFA; asks for a step-up first when the caller has none recent. */
  public void resetMfa(long userId) {
    try {
      management.resetMfa(userId);
      pendingMfaReset = null;
      Messages.addGlobalInfo("users.mfaReset");
    } catch (StepUpRequired e) {
      pendingMfaReset = userId;
      prompt.ask();
    }
    refresh();
  }

  /** The step-up prompt's action: the MFA reset that waited for it. */
  public void retry() {
    if (pendingMfaReset != null) {
      resetMfa(pendingMfaReset);
    }
  }

  /** Whether the signed-in caller is this row's user (no actions on oneself here). */
  public boolean isSelf(UserRow row) {
    return row.id() == access.caller().userId();
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public List<AccountView> getAccounts() {
    return accounts;
  }

  public List<UserRow> getRows() {
    return rows;
  }

  public List<Role> getGrantable() {
    return grantable;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<Role> getRoles() {
    return roles;
  }

  public void setRoles(List<Role> roles) {
    this.roles = roles;
  }
}
