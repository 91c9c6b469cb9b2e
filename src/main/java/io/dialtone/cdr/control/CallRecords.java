package io.dialtone.cdr.control;

import io.dialtone.identity.control.AccessControl;
import io.dialtone.identity.control.SignedInUser;
import io.dialtone.identity.entity.Permission;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Call records as pages read them (issue 5, item 4's controls): the list for a filter, one record,
 * and the daily totals, each for an account in the caller's scope with VIEW_CDRS (SECURITY.md F2,
 * F3: an id of another tenant is refused, audited, and reads nothing).
 *
 * <p>Account-wide reading needs VIEW_ACCOUNTS too (customer admins, resellers, support, platform).
 * A customer user may only see their own extension's calls, and the link between a user and their
 * extension does not exist yet (issue 4's extension work): until it does, they are refused (fail
 * closed).
 */
@ApplicationScoped
public class CallRecords {

  /** The largest page the list may ask for. */
  public static final int MAX_PAGE = 200;

  private static final String ACCOUNT_OF =
      "SELECT account_id FROM cdr WHERE id = ?"; // cdr_id_ix, then the row's partition

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AccessControl access;
  @Inject UsageTotals totals;

  /** A page of the list, newest first, after {@code cursor} ({@code null}: the first page). */
  @Transactional
  public List<CdrRow> page(@NotNull CdrFilter filter, CdrCursor cursor, int size) {
    requireAccountWide(filter.accountId());
    try (Connection c = dataSource.getConnection()) {
      return CdrQueries.page(c, filter, cursor, Math.min(size, MAX_PAGE));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read call records", e);
    }
  }

  /** One record by id, if it exists; refused when it belongs to an account out of scope. */
  @Transactional
  public Optional<CdrRow> find(long id) {
    try (Connection c = dataSource.getConnection()) {
      Long accountId = accountOf(c, id);
      if (accountId == null) {
        access.require(Permission.VIEW_CDRS);
        return Optional.empty();
      }
      requireAccountWide(accountId);
      try (PreparedStatement s =
          c.prepareStatement(
              """
              SELECT id, account_id, start_time, direction, extension, caller, callee, dest_class,
                dest_country, billsec, disposition, block_reason, cost, currency, trunk
              FROM cdr WHERE id = ? AND account_id = ?
              """)) {
        s.setLong(1, id);
        s.setLong(2, accountId);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(CdrQueries.row(rs)) : Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a call record", e);
    }
  }

  /** The daily totals of an account (or one of its extensions) for the chart and the totals. */
  @Transactional
  public List<DailyUsage> daily(long accountId, String extension, LocalDate from, LocalDate to) {
    requireAccountWide(accountId);
    return totals.daily(accountId, extension, from, to);
  }

  private SignedInUser requireAccountWide(long accountId) {
    SignedInUser caller = access.requireInScope(Permission.VIEW_CDRS, accountId);
    if (!caller.permissions().contains(Permission.VIEW_ACCOUNTS)) {
      throw access.refuse("account:" + accountId, "own-extension call records not linked yet");
    }
    return caller;
  }

  private static Long accountOf(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ACCOUNT_OF)) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
