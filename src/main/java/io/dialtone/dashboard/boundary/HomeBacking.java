package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountView;
import io.dialtone.identity.control.SecurityOverview;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.identity.control.UserTimeZones;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.boundary.ViewerZone;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /home.xhtml}: where a user lands after signing in, a dashboard made of the sections the
 * caller's permissions allow (a user with several roles sees several): the platform overview
 * ({@link HomePlatformBacking}), a reseller's customers ({@link HomeCustomersBacking}), the own
 * account and its users ({@link HomeAccountBacking}), a support overview ({@link
 * HomeSupportBacking}), and for everyone their profile and sign-in history (here). Each section
 * bean is created only when its section renders; every read is checked again by its control. The
 * profile section also sets the user's own time zone (empty: the account's).
 */
@Named
@RequestScoped
public class HomeBacking {

  static final int HISTORY_ROWS = 10;

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject UserOverview users;
  @Inject SecurityOverview security;
  @Inject UserTimeZones timeZones;
  @Inject ViewerZone viewerZone;

  private AccountView account;
  private String timeZone;
  private UserRow profile;
  private List<EventRow> signInHistory;

  @PostConstruct
  void load() {
    account = accounts.own();
    profile = UserRow.of(users.me());
    signInHistory = security.ownSignIns(HISTORY_ROWS).stream().map(EventRow::of).toList();
    timeZone = timeZones.of(access.caller().userId()).orElse("");
  }

  /** Saves the caller's time zone and shows the page in it at once. */
  public String saveTimeZone() {
    try {
      timeZones.choose(timeZone);
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError("home.profile.timeZoneUnknown");
      return null;
    }
    viewerZone.set(
        timeZone == null || timeZone.isBlank() ? account.profile().timeZone() : timeZone);
    Messages.addGlobalInfo("home.profile.timeZoneSaved");
    return null;
  }

  /** Support acting for the account may not change the user's zone. */
  public boolean isTimeZoneChangeable() {
    return !access.caller().isImpersonating();
  }

  /** The choice "the account's zone (America/Toronto)". */
  public String getAccountZoneLabel() {
    return Messages.text("home.profile.timeZoneAccount", account.profile().timeZone());
  }

  /** The zones one may choose, by name. */
  public List<String> getTimeZones() {
    return timeZones.choices();
  }

  /** The caller's own zone, empty for the account's. */
  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  /** Platform overview: resellers, accounts, users, security events. */
  public boolean isPlatformSection() {
    return access.may(Permission.MANAGE_RESELLERS);
  }

  /** A reseller's customers (the platform's are counted in its overview instead). */
  public boolean isCustomersSection() {
    return access.may(Permission.MANAGE_CUSTOMERS) && account.kind() == AccountKind.RESELLER;
  }

  /** The caller's own account (details, and its users with {@code MANAGE_USERS}). */
  public boolean isAccountSection() {
    return access.may(Permission.MANAGE_ACCOUNT_PROFILE);
  }

  /** A customer account's day: calls, spend and caps, phones, alerts. */
  public boolean isTodaySection() {
    return access.may(Permission.MANAGE_USAGE_LIMITS) && account.kind() == AccountKind.CUSTOMER;
  }

  /** A customer user's own phones, voicemail PIN and latest calls (administrators see "today"). */
  public boolean isPhoneSection() {
    return access.may(Permission.VIEW_OWN_EXTENSION)
        && !access.may(Permission.MANAGE_USAGE_LIMITS)
        && account.kind() == AccountKind.CUSTOMER;
  }

  /**
   * Support: customers with problems, own sessions and actions (the platform overview has more).
   */
  public boolean isSupportSection() {
    return access.may(Permission.SEARCH_CUSTOMERS) && !access.may(Permission.MANAGE_RESELLERS);
  }

  public AccountView getAccount() {
    return account;
  }

  public UserRow getProfile() {
    return profile;
  }

  public List<EventRow> getSignInHistory() {
    return signInHistory;
  }
}
