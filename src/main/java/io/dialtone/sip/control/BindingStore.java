package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The table behind the location service ({@code sip_binding}, V19): each write replaces whole
 * extensions' sets in one transaction; reads return the unexpired rows. Only {@link
 * MemoryLocationService} calls it.
 */
@ApplicationScoped
public class BindingStore {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Replaces the stored bindings of each extension in {@code byExtension} by the given ones. */
  @Transactional
  public void replace(Map<Long, List<Binding>> byExtension) {
    for (Map.Entry<Long, List<Binding>> entry : byExtension.entrySet()) {
      em.createNativeQuery("DELETE FROM sip_binding WHERE extension_id = ?1")
          .setParameter(1, entry.getKey())
          .executeUpdate();
      for (Binding b : entry.getValue()) {
        em.createNativeQuery(
                """
                INSERT INTO sip_binding (extension_id, contact, account_id, extension_number,
                  user_agent, source, transport, call_id, cseq, expires_at, refreshed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            .setParameter(1, b.extensionId())
            .setParameter(2, b.contact())
            .setParameter(3, b.accountId())
            .setParameter(4, b.extensionNumber())
            .setParameter(5, b.userAgent())
            .setParameter(6, b.source())
            .setParameter(7, b.transport())
            .setParameter(8, b.callId())
            .setParameter(9, b.cseq())
            .setParameter(10, Timestamp.from(b.expiresAt()))
            .setParameter(11, Timestamp.from(b.refreshedAt()))
            .executeUpdate();
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
