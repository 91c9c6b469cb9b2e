package io.dialtone.sip.control;

import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.sip.entity.Binding;
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
import javax.sql.DataSource;

/**
 * The table behind the location service ({@code sip_binding}, V19): each write replaces whole
 * extensions' sets in one transaction; reads return the unexpired rows. Only {@link
 * MemoryLocationService} calls it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class BindingStore {

  /** Extensions per delete statement of a flush. */
  static final int DELETE_CHUNK = 500;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /**
   * Replaces the stored bindings of each extension in {@code byExtension} by the given ones and
   * stamps {@code extension.last_registered_at} of the extensions in {@code registeredAt}: one
   * delete per {@value #DELETE_CHUNK} extensions, a batch of inserts and one of updates over JDBC,
   * in the JTA transaction. (One delete per extension made the flush of a busy second thousands of
   * statements: the registrar's slowest answers came from it competing for the cores.)
   */
  @Transactional
  public void replace(Map<Long, List<Binding>> byExtension, Map<Long, Instant> registeredAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                """
                INSERT INTO sip_binding (extension_id, contact, account_id, extension_number,
                  user_agent, source, transport, call_id, cseq, expires_at, refreshed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
        PreparedStatement stamp =
            c.prepareStatement(
                """
                UPDATE extension SET last_registered_at = ?
                WHERE id = ? AND (last_registered_at IS NULL OR last_registered_at < ?)
                """)) {
      deleteAll(c, List.copyOf(byExtension.keySet()));
      for (Map.Entry<Long, List<Binding>> entry : byExtension.entrySet()) {
        for (Binding b : entry.getValue()) {
          insert.setLong(1, b.extensionId());
          insert.setString(2, b.contact());
          insert.setLong(3, b.accountId());
          insert.setString(4, b.extensionNumber());
          insert.setString(5, b.userAgent());
          insert.setString(6, b.source());
          insert.setString(7, b.transport());
          insert.setString(8, b.callId());
          insert.setLong(9, b.cseq());
          insert.setTimestamp(10, Timestamp.from(b.expiresAt()));
          insert.setTimestamp(11, Timestamp.from(b.refreshedAt()));
          insert.addBatch();
        }
      }
      for (Map.Entry<Long, Instant> entry : registeredAt.entrySet()) {
        stamp.setTimestamp(1, Timestamp.from(entry.getValue()));
        stamp.setLong(2, entry.getKey());
        stamp.setTimestamp(3, Timestamp.from(entry.getValue()));
        stamp.addBatch();
      }
      insert.executeBatch();
      stamp.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("SIP bindings not stored", e);
    }
  }

  /** Deletes the stored bindings of {@code extensionIds}, {@value #DELETE_CHUNK} per statement. */
  private static void deleteAll(Connection c, List<Long> extensionIds) throws SQLException {
    for (int from = 0; from < extensionIds.size(); from += DELETE_CHUNK) {
      List<Long> chunk =
          extensionIds.subList(from, Math.min(from + DELETE_CHUNK, extensionIds.size()));
      StringBuilder sql = new StringBuilder("DELETE FROM sip_binding WHERE extension_id IN (");
      sql.append("?,".repeat(chunk.size() - 1)).append("?)");
      try (PreparedStatement delete = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setLong(i + 1, chunk.get(i));
        }
        delete.executeUpdate();
      }
    }
  }

  /** Every binding that has not expired at {@code now}. */
  @Transactional
  public List<Binding> unexpired(Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT extension_id, account_id, extension_number, contact, user_agent, source,
                  transport, call_id, cseq, expires_at, refreshed_at
                FROM sip_binding WHERE expires_at > ?1
                """)
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Binding(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    ((Number) r[8]).longValue(),
                    instant(r[9]),
                    instant(r[10])))
        .toList();
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t
        ? t.toInstant()
        : ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
  }
}
