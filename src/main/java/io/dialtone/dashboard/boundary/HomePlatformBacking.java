package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountCounts;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.identity.control.SecurityOverview;
import io.dialtone.identity.control.SignInSeries;
import io.dialtone.identity.control.UserCounts;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The platform section of {@code /home.xhtml}: how many resellers, customer accounts and (with
 * {@code MANAGE_USERS}) users there are; with {@code VIEW_AUDIT}, sign-ins per day over the last
 * {@value #CHART_DAYS} days and the newest security events.
 */
@Named
@RequestScoped
public class HomePlatformBacking {

  static final int CHART_DAYS = 14;
  static final int EVENT_ROWS = 10;

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject UserOverview users;
  @Inject SecurityOverview security;

  private AccountCounts accountCounts;
  private UserCounts userCounts;
  private SignInSeries signIns;
  private String signInChart;
  private List<EventRow> securityEvents;

  @PostConstruct
  void load() {
    accountCounts = accounts.counts();
    userCounts = access.may(Permission.MANAGE_USERS) ? users.counts() : null;
    if (access.may(Permission.VIEW_AUDIT)) {
      signIns = security.signInsPerDay(CHART_DAYS);
      signInChart =
          DashboardCharts.signIns(
              signIns,
              FacesContext.getCurrentInstance().getViewRoot().getLocale(),
              Messages.text("home.signIns.completed"),
              Messages.text("home.signIns.failed"));
      securityEvents =
          security.recentSecurityEvents(EVENT_ROWS).stream().map(EventRow::of).toList();
    }
  }

  public AccountCounts getAccountCounts() {
    return accountCounts;
  }

  /** {@code null} without {@code MANAGE_USERS}. */
  public UserCounts getUserCounts() {
    return userCounts;
  }

  /** {@code null} without {@code VIEW_AUDIT}. */
  public SignInSeries getSignIns() {
    return signIns;
  }

  /** The Chart.js configuration of the sign-ins chart. */
  public String getSignInChart() {
    return signInChart;
  }

  public List<EventRow> getSecurityEvents() {
    return securityEvents;
  }

  public int getChartDays() {
    return CHART_DAYS;
  }
}
