package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountCounts;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.identity.control.SecurityOverview;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The support section of {@code /home.xhtml}: how many customer accounts and resellers are in the
 * agent's scope, and what the agent did recently besides signing in.
 */
@Named
@RequestScoped
public class HomeSupportBacking {

  static final int ACTION_ROWS = 10;

  @Inject AccountOverview accounts;
  @Inject SecurityOverview security;

  private AccountCounts accountCounts;
  private List<EventRow> recentActions;

  @PostConstruct
  void load() {
    accountCounts = accounts.counts();
    recentActions = security.ownOtherActions(ACTION_ROWS).stream().map(EventRow::of).toList();
  }

  public AccountCounts getAccountCounts() {
    return accountCounts;
  }

  public List<EventRow> getRecentActions() {
    return recentActions;
  }
}
