package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountView;
import io.dialtone.platform.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /accounts/profile.xhtml}: an administrator's own account profile (company name, country,
 * time zone, language, billing e-mail, currency). No id travels: the account is the caller's.
 */
@Named
@RequestScoped
public class AccountProfileBacking {

  @Inject AccountManagement management;

  private String number;
  private AccountForm form;

  @PostConstruct
  void load() {
    AccountView account = management.ownAccount();
    number = account.accountNumber();
    form = AccountForm.of(account);
  }

  public void save() {
    management.editOwnProfile(form.profile());
    Messages.addGlobalInfo("accounts_profile.saved");
  }

  public String getNumber() {
    return number;
  }

  public AccountForm getForm() {
    return form;
  }
}
