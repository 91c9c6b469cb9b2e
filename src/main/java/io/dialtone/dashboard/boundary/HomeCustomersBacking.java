package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountView;
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
import java.util.Map;

/**
 * The customers section of {@code /home.xhtml} for a reseller: its customer accounts with their
 * status and number of users (0 without {@code MANAGE_USERS}), the counts, and a chart of the
 * customers with the most users.
 */
@Named
@RequestScoped
public class HomeCustomersBacking {

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject UserOverview users;

  private List<CustomerRow> customers;
  private String usersChart;

  @PostConstruct
  void load() {
    List<AccountView> found = accounts.customers();
    Map<Long, Long> usersPerAccount =
        access.may(Permission.MANAGE_USERS)
            ? users.countsPerAccount(found.stream().map(AccountView::id).toList())
            : Map.of();
    customers =
        found.stream()
            .map(a -> CustomerRow.of(a, usersPerAccount.getOrDefault(a.id(), 0L)))
            .toList();
    usersChart =
        DashboardCharts.usersPerCustomer(
            customers,
            FacesContext.getCurrentInstance().getViewRoot().getLocale(),
            Messages.text("home.customers.users"));
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
