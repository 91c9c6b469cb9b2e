package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountCounts;
import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.identity.control.SecurityOverview;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.notification.control.PortalNotices;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The support section of {@code /home.xhtml}: how many customer accounts and resellers are in the
 * agent's scope, the customers with a problem (suspended, at their daily spend cap today, or
 * someone guessing their phones' passwords in the last {@value #GUESSING_DAYS} days; newest
 * accounts first), the agent's latest support sessions (acting as a customer), and what the agent
 * did recently besides signing in. Each customer links to the support page opened on it.
 */
@Named
@RequestScoped
public class HomeSupportBacking {

  static final int ACTION_ROWS = 10;
  static final int SESSION_ROWS = 5;

  /** The most customers listed as having a problem (the support page searches all). */
  static final int PROBLEM_ROWS = 20;

  /** The days a burst of failed phone registrations makes a customer one with a problem. */
  static final int GUESSING_DAYS = 7;

  /** The most customers with a daily cap whose spend today is read for one page. */
  static final int CAP_CHECKS = 200;

  @Inject AccessControl access;
  @Inject AccountOverview accounts;
  @Inject AccountTree tree;
  @Inject SecurityOverview security;
  @Inject AuditQuery audit;
  @Inject UsageTotals totals;
  @Inject PortalNotices notices;
  @Inject Clock clock;

  private AccountCounts accountCounts;
  private List<EventRow> recentActions;
  private List<Session> sessions = List.of();
  private List<Problem> problems = List.of();

  /** A support session: when it started, on which account. */
  public record Session(Instant when, Long accountId, String accountName) {}

  /** A customer with a problem: {@code reason} is a bundle key. */
  public record Problem(long accountId, String name, String number, String reason) {}

  @PostConstruct
  void load() {
    accountCounts = accounts.counts();
    recentActions = security.ownOtherActions(ACTION_ROWS).stream().map(EventRow::of).toList();
    if (!access.may(Permission.SEARCH_CUSTOMERS)) {
      return;
    }
    SignedInUser caller = access.caller();
    List<AccountView> customers =
        tree.subtreeOf(caller.accountId()).stream()
            .filter(a -> a.kind() == AccountKind.CUSTOMER)
            .sorted(Comparator.comparingLong(AccountView::id).reversed())
            .toList();
    sessions =
        audit
            .recentForActor(
                caller.actor(), Set.of(AuditAction.IMPERSONATION_STARTED), 4 * SESSION_ROWS)
            .stream()
            .filter(e -> e.getResult() == AuditResult.SUCCESS)
            .limit(SESSION_ROWS)
            .map(this::session)
            .toList();
    problems = problems(customers);
  }

  private Session session(AuditEntry start) {
    Long id = start.getAccountId();
    String name = id == null ? null : tree.find(id).map(AccountView::name).orElse(null);
    return new Session(start.getOccurredAt(), id, name);
  }

  private List<Problem> problems(List<AccountView> customers) {
    List<Problem> found = new ArrayList<>();
    Map<Long, Long> bursts =
        notices.guessingBursts(clock.instant().minus(Duration.ofDays(GUESSING_DAYS)));
    for (AccountView a : customers) {
      if (found.size() == PROBLEM_ROWS) {
        return found;
      }
      if (a.status() == AccountStatus.SUSPENDED) {
        found.add(problem(a, "home.support.problem.suspended"));
      } else if (bursts.containsKey(a.id())) {
        found.add(problem(a, "home.support.problem.guessing"));
      }
    }
    List<AccountView> capped =
        customers.stream()
            .filter(a -> a.status() == AccountStatus.ACTIVE && a.caps().dailySpend() != null)
            .limit(CAP_CHECKS)
            .toList();
    for (AccountView a : capped) {
      if (found.size() == PROBLEM_ROWS) {
        return found;
      }
      LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(a.profile().timeZone())));
      var spent = totals.total(a.id(), null, today, today.plusDays(1)).cost();
      if (spent.compareTo(a.caps().dailySpend()) >= 0) {
        found.add(problem(a, "home.support.problem.atCap"));
      }
    }
    return found;
  }

  private static Problem problem(AccountView account, String reason) {
    return new Problem(account.id(), account.name(), account.accountNumber(), reason);
  }

  public AccountCounts getAccountCounts() {
    return accountCounts;
  }

  public List<EventRow> getRecentActions() {
    return recentActions;
  }

  /** The agent's latest support sessions, newest first. */
  public List<Session> getSessions() {
    return sessions;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
