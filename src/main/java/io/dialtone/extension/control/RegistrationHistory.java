package io.dialtone.extension.control;

import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.sip.control.BindingChange;
import io.dialtone.sip.control.BindingChangeKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration history of extensions ({@code registration_event}): what changed in their
 * bindings (registered, unregistered, expired), when, with the contact, source address and
 * transport. Written in batches from the registrar's {@code BindingsChanged} (one multi-row insert
 * per batch, off the SIP threads), read for the extension page (permission and scope checked), kept
 * {@link #KEPT} and purged by {@link RegistrationHistoryPurge}.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class RegistrationHistory {

  /** How long a change is kept. */
  public static final Duration KEPT = Duration.ofDays(30);

  /** Most rows the extension page shows, newest first. */
  static final int SHOWN = 100;

  /** Rows deleted per statement of a purge. */
  static final int PURGE_CHUNK = 10_000;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  javax.sql.DataSource dataSource;

  @Inject ExtensionAccess access;
  @Inject Clock clock;

  /** Stores {@code changes} in one batch. */
  @Transactional
  public void record(List<BindingChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                """
                INSERT INTO registration_event (account_id, extension_id, kind, happened_at,
                  contact, source, transport) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)) {
      for (BindingChange change : changes) {
        insert.setLong(1, change.accountId());
        insert.setLong(2, change.extensionId());
        insert.setString(3, change.kind().name());
        insert.setTimestamp(4, Timestamp.from(change.at()));
        insert.setString(5, change.contact());
        insert.setString(6, change.source());
        insert.setString(7, change.transport());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("registration history not stored", e);
    }
  }

  /** The newest changes of a live extension in the caller's scope, newest first. */
  @Transactional
  public List<RegistrationEntry> of(long extensionId) {
    access.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT kind, happened_at, contact, source, transport FROM registration_event
                WHERE extension_id = ?1 AND happened_at >= ?2
                ORDER BY happened_at DESC, id DESC LIMIT ?3
                """)
            .setParameter(1, extensionId)
            .setParameter(2, Timestamp.from(clock.instant().minus(KEPT)))
            .setParameter(3, SHOWN)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new RegistrationEntry(
                    BindingChangeKind.valueOf((String) r[0]),
                    instant(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  /**
   * When each contact of {@code extensionId} last registered (the latest "registered" change per
   * contact within {@link #KEPT}). Checks no permission: its caller has.
   */
  @Transactional
  public Map<String, Instant> registeredSince(long extensionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT contact, MAX(happened_at) FROM registration_event
                WHERE extension_id = ?1 AND kind = 'REGISTERED' AND happened_at >= ?2
                GROUP BY contact
                """)
            .setParameter(1, extensionId)
            .setParameter(2, Timestamp.from(clock.instant().minus(KEPT)))
            .getResultList();
    Map<String, Instant> since = new HashMap<>();
    rows.forEach(r -> since.put((String) r[0], instant(r[1])));
    return since;
  }

  /** Deletes the changes older than {@link #KEPT} before {@code now}; how many. */
  @Transactional
  public int purge(Instant now) {
    int deleted = 0;
    int last;
    do {
      last =
          em.createNativeQuery(
                  """
                  DELETE FROM registration_event WHERE happened_at < ?1 ORDER BY happened_at
                  LIMIT ?2
                  """)
              .setParameter(1, Timestamp.from(now.minus(KEPT)))
              .setParameter(2, PURGE_CHUNK)
              .executeUpdate();
      deleted += last;
    } while (last == PURGE_CHUNK);
    return deleted;
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t
        ? t.toInstant()
        : ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
  }
}
