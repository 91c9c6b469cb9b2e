package io.dialtone.cdr.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.extension.control.Extensions;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Call records as pages read them: the list for a filter, one record, and the totals, each for an
 * account in the caller's scope with VIEW_CDRS (SECURITY.md F2, F3: an id of another tenant is
 * refused, audited, and reads nothing).
 *
 * <p>Callers with VIEW_ACCOUNTS (customer admins, resellers, support, platform) read whole
 * accounts; a customer user reads only the calls recorded for the extensions assigned to them
 * ({@code extension.assigned_user_id}, through {@link Extensions#mineIn}), by extension id: the
 * calls of an earlier extension with the same number (deleted, its number reused) are not theirs.
 * Naming another extension is refused. Staff reading another account's calls (resellers, support,
 * platform) is audited as {@code CDRS_VIEWED} once per filter shown (its totals) and per call
 * opened.
 *
 * <p>A refusal does not roll the transaction back ({@code dontRollbackOn = AccessDenied.class}):
 * these methods write nothing but audit rows, and a rollback would take the refusal's {@code
 * ACCESS_DENIED} row with it.
 */
@ApplicationScoped
public class CallRecords {

  /** The largest page the list may ask for. */
  public static final int MAX_PAGE = 200;

  private static final String OWNER_OF =
      "SELECT account_id, extension_id FROM cdr WHERE id = ?"; // cdr_id_ix, then the partition

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AccessControl access;
  @Inject UsageTotals totals;
  @Inject Extensions extensions;
  @Inject AccountTree accounts;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** What the caller may read of {@code accountId}; refused (audited) when out of scope. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public CdrScope scope(long accountId) {
    SignedInUser caller = access.requireInScope(Permission.VIEW_CDRS, accountId);
    if (caller.permissions().contains(Permission.VIEW_ACCOUNTS)) {
      return CdrScope.whole(accountId);
    }
    var own = extensions.mineIn(accountId);
    return new CdrScope(
        accountId,
        own.stream().map(e -> e.id()).collect(Collectors.toUnmodifiableSet()),
        own.stream().map(e -> e.number().digits()).collect(Collectors.toUnmodifiableSet()));
  }

  /** The customer accounts whose calls the caller may read, by name (the page's picker). */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public List<AccountView> accounts() {
    SignedInUser caller = access.require(Permission.VIEW_CDRS);
    return accounts.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.kind() == io.dialtone.account.control.AccountKind.CUSTOMER)
        .sorted(java.util.Comparator.comparing(AccountView::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** A page of the list, newest first, after {@code cursor} ({@code null}: the first page). */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public List<CdrRow> page(@NotNull CdrFilter filter, CdrCursor cursor, int size) {
    return page(filter, cursor, false, size);
  }

  /** A page of the list in start order ({@code ascending}: oldest first) after {@code cursor}. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public List<CdrRow> page(
      @NotNull CdrFilter filter, CdrCursor cursor, boolean ascending, int size) {
    CdrScope scope = checked(filter);
    try (Connection c = dataSource.getConnection()) {
      return CdrQueries.page(
          c,
          filter,
          scope.extensionIds(),
          cursor,
          ascending,
          Math.max(1, Math.min(size, MAX_PAGE)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read call records", e);
    }
  }

  /** One record by id, if it exists; refused when it belongs to an account out of scope. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public Optional<CdrRow> find(long id) {
    return detail(id)
        .map(
            d ->
                new CdrRow(
                    d.id(),
                    d.accountId(),
                    d.start(),
                    d.direction(),
                    d.extension(),
                    d.caller(),
                    d.callee(),
                    d.destination(),
                    d.country(),
                    d.billsec(),
                    d.disposition(),
                    d.blockReason() == null ? null : d.blockReason().name(),
                    d.cost(),
                    d.currency(),
                    d.trunk(),
                    d.sipStatus()));
  }

  /**
   * Every field of one record; refused (audited) when it belongs to an account out of scope or, for
   * a customer user, to an extension not theirs.
   */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public Optional<CdrDetail> detail(long id) {
    try (Connection c = dataSource.getConnection()) {
      Owner owner = ownerOf(c, id);
      if (owner == null) {
        access.require(Permission.VIEW_CDRS);
        return Optional.empty();
      }
      CdrScope scope = scope(owner.accountId());
      if (!scope.coversId(owner.extensionId())) {
        throw access.refuse("cdr:" + id, "not the caller's extension");
      }
      Optional<CdrDetail> found = CdrDetails.find(c, id, owner.accountId());
      found.ifPresent(d -> viewed(owner.accountId(), "cdr:" + id));
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a call record", e);
    }
  }

  /** The daily totals of an account (or one of its extensions) for the chart and the totals. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public List<DailyUsage> daily(long accountId, String extension, LocalDate from, LocalDate to) {
    CdrScope scope = scope(accountId);
    if (extension == null && !scope.wholeAccount()) {
      throw access.refuse("account:" + accountId, "whole-account totals need VIEW_ACCOUNTS");
    }
    if (extension != null && !scope.covers(extension)) {
      throw access.refuse("account:" + accountId, "not the caller's extension");
    }
    if (scope.wholeAccount()) {
      return totals.daily(accountId, extension, from, to);
    }
    ZoneId zone = zoneOf(accountId);
    CdrFilter days =
        new CdrFilter(
            accountId,
            from.atStartOfDay(zone).toInstant(),
            to.atStartOfDay(zone).toInstant(),
            extension,
            null,
            null,
            null,
            null,
            null,
            null);
    try (Connection c = dataSource.getConnection()) {
      return CdrTotalsQuery.daily(c, days, scope.extensionIds(), zone, from, to.minusDays(1));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read call totals", e);
    }
  }

  /**
   * The totals of a filter, one entry per day of its range in the account's time zone. A filter of
   * whole days reads summary rows: the daily tables when it is narrowed at most by extension, the
   * facet tables ({@link CdrFacets}) for any combination of extension, direction, result,
   * destination type, country, minimum duration and number prefix of up to five digits. A longer
   * prefix, a prefix with an extension, a range that is not whole days, and any filter of a
   * customer user (their extensions by id: the summaries count by number) count the CDRs through
   * the filter's index ({@link CdrTotalsQuery}). Audited for staff of another account.
   */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public FilterTotals totals(@NotNull CdrFilter filter) {
    CdrScope scope = checked(filter);
    ZoneId zone = zoneOf(filter.accountId());
    LocalDate first = LocalDate.ofInstant(filter.from(), zone);
    LocalDate last = LocalDate.ofInstant(filter.to().minusNanos(1000), zone);
    viewed(filter.accountId(), CdrFilterText.describe(filter));
    try (Connection c = dataSource.getConnection()) {
      boolean summarised = scope.wholeAccount() && CdrFilterText.wholeDays(filter, zone);
      if (summarised && CdrFilterText.onlyExtension(filter)) {
        return FilterTotals.of(
            UsageTotals.daily(c, filter.accountId(), filter.extension(), first, last.plusDays(1)));
      }
      if (summarised && CdrFacets.answers(filter)) {
        return FilterTotals.of(CdrFacets.totals(c, filter, zone, first, last));
      }
      return FilterTotals.of(
          CdrTotalsQuery.daily(c, filter, scope.extensionIds(), zone, first, last));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read call totals", e);
    }
  }

  /** The time zone of an account in scope (its calendar days). */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public ZoneId zoneOf(long accountId) {
    access.requireInScope(Permission.VIEW_CDRS, accountId);
    return ZoneId.of(account(accountId).profile().timeZone());
  }

  /** The country of an account in scope (ISO 3166 alpha-2): where its national numbers are. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public String countryOf(long accountId) {
    access.requireInScope(Permission.VIEW_CDRS, accountId);
    return account(accountId).profile().country();
  }

  /** The account number of an account in scope (file names), its id when it has none. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public String numberOf(long accountId) {
    access.requireInScope(Permission.VIEW_CDRS, accountId);
    String number = account(accountId).accountNumber();
    return number == null ? "account-" + accountId : number;
  }

  /** Checks the filter against the caller's scope and returns that scope. */
  CdrScope checked(CdrFilter filter) {
    CdrScope scope = scope(filter.accountId());
    if (filter.extension() != null && !scope.covers(filter.extension())) {
      throw access.refuse("account:" + filter.accountId(), "not the caller's extension");
    }
    return scope;
  }

  private AccountView account(long accountId) {
    return accounts
        .find(accountId)
        .orElseThrow(() -> access.refuse("account:" + accountId, "no such account"));
  }

  private void viewed(long accountId, String detail) {
    SignedInUser caller = access.caller();
    if (caller.accountId() == accountId) {
      return;
    }
    audit.record(
        AuditRecord.builder(AuditAction.CDRS_VIEWED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(accountId)
            .target("account:" + accountId)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }

  /** The account and extension of a call. */
  private record Owner(long accountId, Long extensionId) {}

  private static Owner ownerOf(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(OWNER_OF)) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long extensionId = rs.getLong(2);
        return new Owner(rs.getLong(1), rs.wasNull() ? null : extensionId);
      }
    }
  }
}
