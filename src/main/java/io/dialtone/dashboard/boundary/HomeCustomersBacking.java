package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Usage;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.usage.control.ActiveCalls;
import io.dialtone.usage.control.LimitRequests;
import io.dialtone.usage.control.PendingRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customers section of {@code /home.xhtml} for a reseller: its customer accounts with their
 * status, number of users (0 without {@code MANAGE_USERS}), calls in progress and today's and this
 * month's spend against the caps granted (days in each customer's zone), the customers that need
 * attention (suspended, or at 80 % of a spend cap), the limit requests waiting for a decision, the
 * counts, and a chart of the customers with the most users. Only the caller's own subtree: the
 * accounts come from {@code account}'s scoped list.
 */
@Named
@RequestScoped
public class HomeCustomersBacking {

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject UserOverview users;
  @Inject UsageTotals totals;
  @Inject ActiveCalls active;
  @Inject LimitRequests requests;
  @Inject Clock clock;

  private List<CustomerRow> customers;
  private List<PendingRequest> pending = List.of();
  private String usersChart;

  @PostConstruct
  void load() {
    List<AccountView> found = accounts.customers();
    Map<Long, Long> usersPerAccount =
        access.may(Permission.MANAGE_USERS)
            ? users.countsPerAccount(found.stream().map(AccountView::id).toList())
            : Map.of();
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    customers =
        found.stream().map(a -> row(a, usersPerAccount.getOrDefault(a.id(), 0L), locale)).toList();
    if (access.may(Permission.APPROVE_LIMIT_REQUESTS)) {
      pending = requests.pending();
    }
    usersChart =
        DashboardCharts.usersPerCustomer(customers, locale, Messages.text("home.customers.users"));
  }

  private CustomerRow row(AccountView account, long userCount, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(account.profile().timeZone())));
    List<DailyUsage> days =
        totals.daily(account.id(), null, today.withDayOfMonth(1), today.plusDays(1));
    Usage month = days.stream().map(DailyUsage::usage).reduce(Usage.NONE, Usage::plus);
    UsageCaps caps = account.caps();
    String currency = account.profile().currency();
    return CustomerRow.of(
        account,
        userCount,
        active.of(AccountId.of(account.id())),
        CapTile.of(
            "spendToday",
            "home.today.spendToday",
            days.getLast().usage().cost(),
            caps.dailySpend(),
            currency,
            locale,
            "/usage/index"),
        CapTile.of(
            "spendMonth",
            "home.today.spendMonth",
            month.cost(),
            caps.monthlySpend(),
            currency,
            locale,
            "/usage/index"));
  }

  /** The customers that are suspended or at 80 % or more of a spend cap. */
  public List<CustomerRow> getNeedingAttention() {
    return customers.stream().filter(CustomerRow::needsAttention).toList();
  }

  /** Limit requests of the caller's customers waiting for a decision, oldest first. */
  public List<PendingRequest> getPending() {
    return pending;
  }

  public List<CustomerRow> getCustomers() {
    return customers;
  }

  public long getActiveCount() {
    return customers.stream().filter(c -> c.status() == AccountStatus.ACTIVE).count();
  }

  public long getSuspendedCount() {
    return customers.stream().filter(c -> c.status() == AccountStatus.SUSPENDED).count();
  }

  public long getUserCount() {
    return customers.stream().mapToLong(CustomerRow::users).sum();
  }

  /** The Chart.js configuration of the users-per-customer chart. */
  public String getUsersChart() {
    return usersChart;
  }
}
