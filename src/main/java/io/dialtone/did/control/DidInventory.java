package io.dialtone.did.control;

import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The platform's DID inventory (platform administrators, {@link Permission#MANAGE_DID_INVENTORY}):
 * adds one number, a typed list or CSV, or a range (at most {@value DidNumbers#MAX_RANGE} numbers),
 * read with the platform account's country for national formats. All or nothing: one invalid
 * number, or one already in the inventory, adds nothing and is named. New numbers are held by the
 * platform account until assigned; inserted in JDBC batches; audited once per addition, refused
 * ones too (FAILURE, with the reason's key). Two additions of one number at the same time: the one
 * that commits second hits the unique key and is refused like a known number ({@code
 * dids.refused.takenMeanwhile}), never with an error page.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidInventory {

  static final int BATCH = 500;

  /** MariaDB's error code for a duplicate entry in a unique key. */
  static final int DUPLICATE_KEY = 1062;

  /** How many numbers already in the inventory a refusal names at most. */
  static final int NAMED_DUPLICATES = 5;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AccessControl access;
  @Inject AccountTree accounts;
  @Inject DidAccess records;
  @Inject Clock clock;

  /** Adds the numbers of {@code text} (one, or a list); how many were added. */
  @Transactional(rollbackOn = DidRefused.class)
  public int addList(String text) throws DidRefused {
    SignedInUser caller = access.require(Permission.MANAGE_DID_INVENTORY);
    try {
      return add(caller, DidNumbers.list(text, country(caller)));
    } catch (DidRefused e) {
      throw refused(caller, e);
    }
  }

  /** Adds every number from {@code from} to {@code to}; how many were added. */
  @Transactional(rollbackOn = DidRefused.class)
  public int addRange(String from, String to) throws DidRefused {
    SignedInUser caller = access.require(Permission.MANAGE_DID_INVENTORY);
    try {
      return add(caller, DidNumbers.range(from, to, country(caller)));
    } catch (DidRefused e) {
      throw refused(caller, e);
    }
  }

  /** The country national formats are read with: the platform administrator's account's. */
  public String country(SignedInUser caller) {
    return accounts
        .find(caller.accountId())
        .map(AccountView::country)
        .orElse(AccountProfile.DEFAULT_COUNTRY);
  }

  private int add(SignedInUser caller, List<E164Number> numbers) throws DidRefused {
    List<String> taken = taken(numbers).stream().map(E164Number::value).toList();
    if (!taken.isEmpty()) {
      throw new DidRefused(
          "dids.refused.taken",
          String.join(", ", taken.subList(0, Math.min(NAMED_DUPLICATES, taken.size()))),
          taken.size());
    }
    insert(caller.accountId(), numbers);
    String detail =
        numbers.size() == 1
            ? "added " + numbers.get(0)
            : "added " + numbers.size() + " numbers, " + numbers.get(0) + " … " + numbers.getLast();
    records.record(
        AuditAction.DIDS_ADDED, "account:" + caller.accountId(), caller.accountId(), detail);
    return numbers.size();
  }

  /** Audits a refused addition (nothing was added) and returns the refusal to throw. */
  private DidRefused refused(SignedInUser caller, DidRefused refusal) {
    records.record(
        AuditAction.DIDS_ADDED,
        AuditResult.FAILURE,
        "account:" + caller.accountId(),
        caller.accountId(),
        "refused: " + refusal.messageKey());
    return refusal;
  }

  private List<E164Number> taken(List<E164Number> numbers) {
    List<E164Number> taken = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i += BATCH) {
      List<E164Number> chunk = numbers.subList(i, Math.min(numbers.size(), i + BATCH));
      taken.addAll(
          em.createQuery(
                  "SELECT d.number FROM Did d WHERE d.number IN :numbers ORDER BY d.number",
                  E164Number.class)
              .setParameter("numbers", chunk)
              .getResultList());
    }
    return taken;
  }

  private void insert(long holderId, List<E164Number> numbers) throws DidRefused {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection db = dataSource.getConnection();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO did (number, account_id, created_at) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (E164Number number : numbers) {
        insert.setString(1, number.value());
        insert.setLong(2, holderId);
        insert.setTimestamp(3, now);
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        // Another addition of the same number committed between the check above and this insert.
        throw new DidRefused("dids.refused.takenMeanwhile");
      }
      throw new IllegalStateException("storing DIDs failed", e);
    }
  }

  /**
   * Whether {@code e} (or an exception it wraps, as a batch update's does) is MariaDB's duplicate
   * key error: 1062, SQL state 23000.
   */
  static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException
          || (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY)) {
        return true;
      }
    }
    for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
      if (next.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }
}
