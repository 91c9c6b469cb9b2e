package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The live extensions' rows as call control reads them: for {@link CallingExtensions} only. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class LiveExtensionRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** Every live extension, in one query. */
  public List<CallingParty> all() {
    return em.createQuery(
            """
            SELECT e FROM Extension e
            WHERE e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED""",
            Extension.class)
        .getResultStream()
        .map(LiveExtensionRows::party)
        .toList();
  }

  public Optional<CallingParty> byId(long extensionId) {
    return Optional.ofNullable(em.find(Extension.class, extensionId))
        .filter(Extension::isLive)
        .map(LiveExtensionRows::party);
  }

  public Optional<CallingParty> byNumber(AccountId account, ExtensionNumber number) {
    return em.createNamedQuery(Extension.FIND_LIVE_BY_NUMBER, Extension.class)
        .setParameter("accountId", account)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .map(LiveExtensionRows::party);
  }

  /** Each extension's last call at its instant, never backwards: one batch, one transaction. */
  public void stamp(Map<Long, Instant> lastCalls) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement stamp =
            c.prepareStatement(
                """
                UPDATE extension SET last_call_at = ?
                WHERE id = ? AND (last_call_at IS NULL OR last_call_at < ?)""")) {
      for (Map.Entry<Long, Instant> call : lastCalls.entrySet()) {
        Timestamp at = Timestamp.from(call.getValue());
        stamp.setTimestamp(1, at);
        stamp.setLong(2, call.getKey());
        stamp.setTimestamp(3, at);
        stamp.addBatch();
      }
      stamp.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("last calls not stamped", e);
    }
  }

  private static CallingParty party(Extension e) {
    return new CallingParty(
        e.getId(),
        e.getAccountId(),
        e.getNumber(),
        e.getStatus() == ExtensionStatus.ACTIVE,
        e.getOutboundCallerId(),
        e.getContinuityDestination(),
        e.getRingTimeoutSeconds());
  }
}
