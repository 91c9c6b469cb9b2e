package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.CapsExceedParent;
import io.dialtone.account.entity.Account;
import io.dialtone.account.entity.AccountKind;
import io.dialtone.account.entity.AccountStatus;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /accounts/edit.xhtml?id=…} edits a reseller or customer; {@code ?kind=CUSTOMER} or {@code
 * ?kind=RESELLER} creates one. The id is only a wish: the control checks it against the caller's
 * scope on open and again on save. View scoped: the loaded account and the parent choices stay
 * while the form is corrected.
 */
@Named
@ViewScoped
public class AccountEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountManagement management;
  @Inject AccessControl access;

  private Long id;
  private AccountKind kind;
  private Long parentId;
  private String number;
  private AccountStatus status;
  private List<AccountRow> parents = List.of();
  private AccountForm form = new AccountForm();
  private boolean ready;

  /** The view action of the first GET: loads the account, or prepares a new one. */
  public void open() {
    if (id != null) {
      Account account = management.get(id);
      kind = account.getKind();
      number = account.getAccountNumber();
      status = account.getStatus();
      parentId = account.getParentId();
      form = AccountForm.of(account);
    } else if (kind == AccountKind.RESELLER) {
      access.require(Permission.MANAGE_RESELLERS);
    } else {
      kind = AccountKind.CUSTOMER;
      SignedInUser caller = access.require(Permission.MANAGE_CUSTOMERS);
      parents = management.possibleParents().stream().map(AccountRow::of).toList();
      parentId =
          parents.stream()
              .filter(p -> p.id() == caller.accountId())
              .findFirst()
              .or(() -> parents.stream().findFirst())
              .map(AccountRow::id)
              .orElse(null);
    }
    ready = true;
  }

  public String save() {
    try {
      if (id != null) {
        management.edit(id, form.profile(), form.caps());
        FlashMessages.info("accounts_edit.saved");
      } else if (kind == AccountKind.RESELLER) {
        management.createReseller(form.profile(), form.caps());
        FlashMessages.info("accounts_edit.created");
      } else {
        if (parentId == null) {
          Messages.addGlobalError("accounts_edit.parentRequired");
          return null;
        }
        management.createCustomer(parentId, form.profile(), form.caps());
        FlashMessages.info("accounts_edit.created");
      }
      return "/accounts/index?faces-redirect=true";
    } catch (CapsExceedParent e) {
      Messages.refusal(e);
      return null;
    }
  }

  public boolean isReady() {
    return ready;
  }

  public boolean isCreating() {
    return id == null;
  }

  /** Whether the parent can be chosen: a new customer and more than one reseller in scope. */
  public boolean isParentChoice() {
    return id == null && kind == AccountKind.CUSTOMER && parents.size() > 1;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public AccountKind getKind() {
    return kind;
  }

  public void setKind(AccountKind kind) {
    this.kind = kind;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public String getNumber() {
    return number;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public List<AccountRow> getParents() {
    return parents;
  }

  public AccountForm getForm() {
    return form;
  }
}
