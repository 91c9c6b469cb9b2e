package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountFilter;
import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.platform.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /accounts/index.xhtml}: the accounts below the caller's, filtered by kind, status and name
 * or number, with suspend and reactivate. View scoped: the filters and the rows stay across the
 * page's Ajax requests. The control re-checks every id the page sends.
 */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountManagement management;

  private AccountKind kind;
  private AccountStatus status;
  private String name;
  private List<AccountRow> rows;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    rows =
        management.list(new AccountFilter(kind, status, name)).stream()
            .map(AccountRow::of)
            .toList();
  }

  public void suspend(long accountId) {
    if (management.suspend(accountId)) {
      Messages.addGlobalInfo("accounts.suspended");
    }
    search();
  }

  public void reactivate(long accountId) {
    if (management.reactivate(accountId)) {
      Messages.addGlobalInfo("accounts.reactivated");
    }
    search();
  }

  public AccountKind[] getKinds() {
    return new AccountKind[] {AccountKind.RESELLER, AccountKind.CUSTOMER};
  }

  public AccountStatus[] getStatuses() {
    return AccountStatus.values();
  }

  public List<AccountRow> getRows() {
    return rows;
  }

  public AccountKind getKind() {
    return kind;
  }

  public void setKind(AccountKind kind) {
    this.kind = kind;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public void setStatus(AccountStatus status) {
    this.status = status;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
