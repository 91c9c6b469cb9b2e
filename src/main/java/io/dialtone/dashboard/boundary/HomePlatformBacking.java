package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountCounts;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.call.control.LiveTickets;
import io.dialtone.cdr.control.CdrSummaryBackfill;
import io.dialtone.identity.control.SecurityOverview;
import io.dialtone.identity.control.SignInSeries;
import io.dialtone.identity.control.UserCounts;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.ScheduledJobs;
import io.dialtone.sip.control.BanAdministration;
import io.dialtone.sip.control.MemoryLocationService;
import io.dialtone.trunk.control.TrunkManagement;
import io.dialtone.trunk.control.TrunkView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The platform section of {@code /home.xhtml}: how many resellers, customer accounts and (with
 * {@code MANAGE_USERS}) users there are; with {@code VIEW_AUDIT}, sign-ins per day over the last
 * {@value #CHART_DAYS} days and the newest security events. The system's health, each figure
 * linking to its page: extensions registered and calls in progress on this node, the registrar's
 * bans in force, the carrier trunks with their last probe, the last audit chain check and the
 * background jobs (all scheduled, runs that failed since start) with the progress of the call
 * summaries' backfill.
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
  @Inject AuditQuery audit;
  @Inject MemoryLocationService location;
  @Inject LiveTickets liveCalls;
  @Inject BanAdministration bans;
  @Inject TrunkManagement trunkManagement;
  @Inject ScheduledJobs jobs;
  @Inject CdrSummaryBackfill summaryBackfill;
  @Inject MeterRegistry registry;
  @Inject Clock clock;

  /** How far back the last audit chain check is looked for (it runs every 24 h). */
  static final Duration CHAIN_CHECK_WINDOW = Duration.ofDays(7);

  private AccountCounts accountCounts;
  private UserCounts userCounts;
  private SignInSeries signIns;
  private String signInChart;
  private List<EventRow> securityEvents;
  private Integer banCount;
  private List<TrunkView> trunks;
  private EventRow chainCheck;
  private CdrSummaryBackfill.Progress backfill;

  @PostConstruct
  void load() {
    accountCounts = accounts.counts();
    backfill = summaryBackfill.progress();
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
      chainCheck =
          audit
              .recent(
                  Set.of(AuditAction.AUDIT_CHAIN_VERIFIED),
                  Optional.empty(),
                  clock.instant().minus(CHAIN_CHECK_WINDOW),
                  1)
              .stream()
              .map(EventRow::of)
              .findFirst()
              .orElse(null);
    }
    if (access.may(Permission.MANAGE_SIP_BANS)) {
      banCount = bans.current().size();
    }
    if (access.may(Permission.MANAGE_TRUNKS)) {
      trunks = trunkManagement.trunks();
    }
  }

  /** Extensions with at least one phone registered on this node. */
  public int getRegisteredExtensions() {
    return location.registeredExtensions();
  }

  /** Calls in progress on this node. */
  public int getCallsNow() {
    return liveCalls.size();
  }

  /** The registrar's bans in force; {@code null} without {@code MANAGE_SIP_BANS}. */
  public Integer getBanCount() {
    return banCount;
  }

  /** The carrier trunks with their health; {@code null} without {@code MANAGE_TRUNKS}. */
  public List<TrunkView> getTrunks() {
    return trunks;
  }

  /** The newest audit chain check of the last days, {@code null} if none (or no VIEW_AUDIT). */
  public EventRow getChainCheck() {
    return chainCheck;
  }

  /** Whether every background job is still scheduled. */
  public boolean isJobsAlive() {
    return jobs.allAlive();
  }

  /** The backfill of the call summaries (older calls added, accounts done, days left). */
  public CdrSummaryBackfill.Progress getBackfill() {
    return backfill;
  }

  /** Background job runs that failed since the server started. */
  public long getFailedJobRuns() {
    Counter failed = registry.find("dialtone.jobs.runs").tag("result", "failure").counter();
    return failed == null ? 0 : (long) failed.count();
  }

  /** Background job runs that succeeded since the server started. */
  public long getJobRuns() {
    Counter done = registry.find("dialtone.jobs.runs").tag("result", "success").counter();
    return done == null ? 0 : (long) done.count();
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
