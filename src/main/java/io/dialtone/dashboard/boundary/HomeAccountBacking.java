package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountView;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The own-account section of {@code /home.xhtml}: the caller's account details and, with {@code
 * MANAGE_USERS}, the account's users.
 */
@Named
@RequestScoped
public class HomeAccountBacking {

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject UserOverview users;

  private AccountView account;
  private List<UserRow> accountUsers;

  @PostConstruct
  void load() {
    account = accounts.own();
    accountUsers =
        access.may(Permission.MANAGE_USERS)
            ? users.usersOf(account.id()).stream().map(UserRow::of).toList()
            : null;
  }

  public AccountView getAccount() {
    return account;
  }

  public AccountProfile getProfile() {
    return account.profile();
  }

  /** The account's country in the viewer's language, e.g. "Canada". */
  public String getCountryName() {
    return Locale.of("", account.country())
        .getDisplayCountry(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /** When the account was created (pages show the day in the viewer's zone). */
  public Instant getCreated() {
    return account.createdAt();
  }

  /** {@code null} without {@code MANAGE_USERS}. */
  public List<UserRow> getUsers() {
    return accountUsers;
  }
}
