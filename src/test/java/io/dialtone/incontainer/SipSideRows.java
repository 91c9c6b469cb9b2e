package io.dialtone.incontainer;

import io.dialtone.platform.control.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * TEST FIXTURE ONLY: rows the SIP portal tests start from (an extension, inserted directly with
 * placeholder ciphertexts: no phone ever registers with it) and reads of what the controls
 * committed ({@code portal_notice}, {@code audit_event}). Added only by those tests.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SipSideRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Stored hashes are real ciphertexts of the current data key, so a key rotation moves them. */
  @Inject DataCipher cipher;

  /** A live extension {@code number} of {@code accountId}, assigned to {@code userId} or nobody. */
  @Transactional
  public long extension(long accountId, String number, Long userId) {
    return ((Number)
            em.createNativeQuery(
                    """
                    INSERT INTO extension (account_id, number, display_name, type, status,
                    assigned_user_id, realm, ha1_sha256, ha1_md5, created_at)
                    VALUES (?1, ?2, ?3, 'USER', 'ACTIVE', ?4, ?5, ?6, ?6,
                    UTC_TIMESTAMP(6)) RETURNING id""")
                .setParameter(1, accountId)
                .setParameter(2, number)
                .setParameter(3, "Desk " + number)
                .setParameter(4, userId)
                .setParameter(5, "t-" + UUID.randomUUID().toString().substring(0, 8) + ".test")
                .setParameter(6, cipher.encrypt("no secret: a test fixture"))
                .getSingleResult())
        .longValue();
  }

  /**
   * Notices of {@code kind} stored for {@code userId} about {@code about} (an extension number or
   * an address, a word of the notice's subject).
   */
  @Transactional
  public long notices(long userId, String kind, String about) {
    return count(
        """
        SELECT COUNT(*) FROM portal_notice WHERE user_id = ?1 AND kind = ?2
        AND (subject LIKE CONCAT('% ', ?3) OR subject LIKE CONCAT('% ', ?3, ' %'))""",
        userId, kind, about);
  }

  /** Unread notices of {@code userId} from the phone system. */
  @Transactional
  public long unreadNotices(long userId) {
    return count(
        """
        SELECT COUNT(*) FROM portal_notice WHERE user_id = ?1 AND read_at IS NULL
        AND kind LIKE 'SIP%'""",
        userId);
  }

  /** Audit rows of {@code action} with {@code result} on {@code target}. */
  @Transactional
  public long audited(String action, String result, String target) {
    return count(
        "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND result = ?2 AND target = ?3",
        action,
        result,
        target);
  }

  /** Audit rows of {@code action} with {@code result} by {@code actor}. */
  @Transactional
  public long auditedBy(String action, String result, String actor) {
    return count(
        "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND result = ?2 AND actor = ?3",
        action,
        result,
        actor);
  }

  /** Moves the extension's last offline alert {@code minutes} back, as if it were that old. */
  @Transactional
  public void alertedMinutesAgo(long extensionId, int minutes) {
    em.createNativeQuery(
            "UPDATE extension SET offline_alerted_at = UTC_TIMESTAMP(6) - INTERVAL ?1 MINUTE"
                + " WHERE id = ?2")
        .setParameter(1, minutes)
        .setParameter(2, extensionId)
        .executeUpdate();
  }

  /** Registration history rows of {@code extensionId}. */
  @Transactional
  public long historyRows(long extensionId) {
    return count("SELECT COUNT(*) FROM registration_event WHERE extension_id = ?1", extensionId);
  }

  /** Moves every registration history row of {@code extensionId} {@code days} back. */
  @Transactional
  public void historyDaysAgo(long extensionId, int days) {
    em.createNativeQuery(
            "UPDATE registration_event SET happened_at = happened_at - INTERVAL ?1 DAY"
                + " WHERE extension_id = ?2")
        .setParameter(1, days)
        .setParameter(2, extensionId)
        .executeUpdate();
  }

  private long count(String sql, Object... params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
