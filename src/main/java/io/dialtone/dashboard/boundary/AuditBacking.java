package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditFilter;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditSearch;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.control.ChainVerification;
import io.dialtone.audit.control.DailyChainCheck;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.ViewerZone;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /audit/index.xhtml}: the audit trail of the caller's scope (their account and below; the
 * whole platform for platform administrators), filtered by date, actor, action and result, paged on
 * the server. Reading it is itself audited. Platform administrators can verify the chain here.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccessControl access;
  @Inject transient AccountTree accounts;
  @Inject transient AuditSearch search;
  @Inject transient AuditTrail audit;
  @Inject transient DailyChainCheck chainCheck;
  @Inject transient HttpServletRequest request;
  @Inject transient ViewerZone zone;

  private LocalDate from;
  private LocalDate to;
  private String actor;
  private AuditAction action;
  private AuditResult result;
  private Set<Long> scope;
  private ChainVerification verification;
  private final LazyDataModel<AuditEntry> events = new Events();

  @PostConstruct
  void open() {
    SignedInUser caller = access.require(Permission.VIEW_AUDIT);
    scope =
        caller.accountId() == AccountScope.PLATFORM_ACCOUNT_ID
            ? null
            : accounts.subtreeOf(caller.accountId()).stream()
                .map(AccountView::id)
                .collect(Collectors.toUnmodifiableSet());
    recordViewed(caller);
  }

  /** Applies the filter form; the table reloads from the first page. */
  public void apply() {
    recordViewed(access.require(Permission.VIEW_AUDIT));
  }

  public void verifyChain() {
    SignedInUser caller = access.require(Permission.VERIFY_AUDIT_CHAIN);
    verification = chainCheck.check(caller.actor(), caller.accountId());
  }

  public boolean isMayVerify() {
    return access.may(Permission.VERIFY_AUDIT_CHAIN);
  }

  private void recordViewed(SignedInUser caller) {
    audit.record(
        AuditRecord.builder(AuditAction.AUDIT_VIEWED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .account(caller.accountId())
            .sourceIp(request.getRemoteAddr())
            .detail(filter().describe())
            .build());
  }

  private AuditFilter filter() {
    return new AuditFilter(
        from == null ? null : from.atStartOfDay(zone.get()).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone.get()).toInstant(),
        actor,
        action,
        result);
  }

  private Optional<Set<Long>> scope() {
    return Optional.ofNullable(scope);
  }

  /** The table's rows: counted and loaded page by page from the database. */
  private final class Events extends LazyDataModel<AuditEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, search.count(filter(), scope()));
    }

    @Override
    public List<AuditEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return search.page(filter(), scope(), first, pageSize);
    }

    @Override
    public String getRowKey(AuditEntry event) {
      return String.valueOf(event.getId());
    }
  }

  public LazyDataModel<AuditEntry> getEvents() {
    return events;
  }

  public List<AuditAction> getActions() {
    return List.of(AuditAction.values());
  }

  public List<AuditResult> getResults() {
    return List.of(AuditResult.values());
  }

  public ChainVerification getVerification() {
    return verification;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public AuditResult getResult() {
    return result;
  }

  public void setResult(AuditResult result) {
    this.result = result;
  }
}
