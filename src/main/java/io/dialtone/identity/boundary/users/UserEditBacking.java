package io.dialtone.identity.boundary.users;

import io.dialtone.identity.control.LastPlatformAdministrator;
import io.dialtone.identity.control.UserManagement;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code /users/edit.xhtml?id=}: another user's display name and roles, among the roles the caller
 * may grant in that user's account. Saving ends the user's sessions when the roles changed.
 */
@Named
@ViewScoped
public class UserEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient UserManagement management;

  private Long id;
  private long accountId;
  private String email;
  private List<Role> grantable;

  @Size(max = 120)
  private String displayName;

  /** Required by the page's validator (see the page: no @NotEmpty, for the group's ARIA). */
  private List<Role> roles = new ArrayList<>();

  /** View action: loads the user (the control refuses ids out of scope: 404). */
  public void load() {
    if (email != null) {
      return;
    }
    User user = management.get(id == null ? -1 : id);
    accountId = user.getAccountId();
    email = user.getEmail();
    displayName = user.getDisplayName();
    roles = new ArrayList<>(user.getRoles());
    grantable = management.grantableIn(accountId).stream().sorted().toList();
  }

  public String save() {
    try {
      management.edit(id, displayName, EnumSet.copyOf(roles));
    } catch (LastPlatformAdministrator e) {
      Messages.refusal(e);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo("users_edit.saved");
    return "/users/index.xhtml?faces-redirect=true&account=" + accountId;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getEmail() {
    return email;
  }

  public List<Role> getGrantable() {
    return grantable;
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
