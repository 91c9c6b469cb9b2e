package io.dialtone.incontainer;

import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.did.control.DidHoldersChanged;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.sip.control.SipCredentialsChanged;
import io.dialtone.usage.control.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * In-container fixture of the call admission tests: extensions, DIDs and call policy rows written
 * straight to the database (the pages that write them are tested elsewhere), the caches dropped,
 * and the call records and extension stamps read back.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Stored hashes are real ciphertexts of the current data key, so a key rotation moves them. */
  @Inject DataCipher cipher;

  @Inject CallDecisions decisions;
  @Inject UsageMeter meter;
  @Inject Event<DidHoldersChanged> didsChanged;
  @Inject Event<SipCredentialsChanged> extensionChanged;

  /** A new extension with {@code status} (ACTIVE, DISABLED) and class of service; its id. */
  @Transactional
  public long extension(long accountId, String number, String status, String classOfService) {
    em.createNativeQuery(
            "INSERT INTO extension (account_id, number, display_name, type, status, realm,"
                + " ha1_sha256, ha1_md5, created_at) VALUES (?1, ?2, ?3, 'USER', ?4,"
                + " 'calls.example.test', ?5, ?5, UTC_TIMESTAMP(6))")
        .setParameter(1, accountId)
        .setParameter(2, number)
        .setParameter(3, "Phone " + number)
        .setParameter(4, status)
        .setParameter(5, cipher.encrypt("no secret: a test fixture"))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    em.createNativeQuery(
            "INSERT INTO call_policy_extension (account_id, extension_number, class_of_service)"
                + " VALUES (?1, ?2, ?3)")
        .setParameter(1, accountId)
        .setParameter(2, number)
        .setParameter(3, classOfService)
        .executeUpdate();
    decisions.invalidate(accountId);
    return id;
  }

  /** The account's toggles: international, long distance and premium blocked or not. */
  @Transactional
  public void toggles(
      long accountId, boolean international, boolean longDistance, boolean premium) {
    em.createNativeQuery(
            "INSERT INTO call_policy_account (account_id, block_international,"
                + " block_long_distance, block_premium) VALUES (?1, ?2, ?3, ?4)"
                + " ON DUPLICATE KEY UPDATE block_international = ?2, block_long_distance = ?3,"
                + " block_premium = ?4")
        .setParameter(1, accountId)
        .setParameter(2, international)
        .setParameter(3, longDistance)
        .setParameter(4, premium)
        .executeUpdate();
    decisions.invalidate(accountId);
  }

  /** An account rule ({@code BLOCK_NUMBER} ...); its id. */
  @Transactional
  public long rule(long accountId, String kind, String value) {
    em.createNativeQuery(
            "INSERT INTO call_policy_rule (account_id, kind, rule_value, created_at)"
                + " VALUES (?1, ?2, ?3, UTC_TIMESTAMP(6))")
        .setParameter(1, accountId)
        .setParameter(2, kind)
        .setParameter(3, value)
        .executeUpdate();
    decisions.invalidate(accountId);
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  /** A DID held by the account; {@code callerIdDefault}: its default caller ID. */
  @Transactional
  public void did(long accountId, String number, boolean callerIdDefault) {
    em.createNativeQuery(
            "INSERT INTO did (number, account_id, created_at, caller_id_default)"
                + " VALUES (?1, ?2, UTC_TIMESTAMP(6), ?3)")
        .setParameter(1, number)
        .setParameter(2, accountId)
        .setParameter(3, callerIdDefault)
        .executeUpdate();
    didsChanged.fire(new DidHoldersChanged(accountId)); // as the DID pages' writes do
  }

  /** The extension's outbound caller ID. */
  @Transactional
  public void callerId(long extensionId, String number) {
    em.createNativeQuery("UPDATE extension SET outbound_caller_id = ?1 WHERE id = ?2")
        .setParameter(1, number)
        .setParameter(2, extensionId)
        .executeUpdate();
    Object[] user =
        (Object[])
            em.createNativeQuery("SELECT realm, number FROM extension WHERE id = ?1")
                .setParameter(1, extensionId)
                .getSingleResult();
    // as the extension page's write does
    extensionChanged.fire(new SipCredentialsChanged((String) user[0], (String) user[1], true));
  }

  /** The account's granted caps (daily spend, concurrent calls), the usage cache dropped. */
  @Transactional
  public void caps(long accountId, String dailySpend, Integer concurrentCalls) {
    em.createNativeQuery(
            "UPDATE account SET daily_spend_cap = ?1, concurrent_calls_cap = ?2 WHERE id = ?3")
        .setParameter(1, dailySpend == null ? null : new java.math.BigDecimal(dailySpend))
        .setParameter(2, concurrentCalls)
        .setParameter(3, accountId)
        .executeUpdate();
    meter.invalidate(accountId);
  }

  /**
   * The call's stored columns, or {@code null} while it is not stored: extension, direction,
   * caller, callee, disposition, block_reason, block_rule_id, billsec, hangup_side, sip_status,
   * cost, trunk, trunk_attempts, dest_class.
   */
  @Transactional
  public Object[] call(String callId) {
    List<?> rows =
        em.createNativeQuery(
                """
                SELECT extension, direction, caller, callee, disposition, block_reason,
                  block_rule_id, billsec, hangup_side, sip_status, cost, trunk, trunk_attempts,
                  dest_class
                FROM cdr WHERE call_id = ?1
                """)
            .setParameter(1, callId)
            .getResultList();
    if (rows.size() > 1) {
      throw new AssertionError(rows.size() + " records of call " + callId);
    }
    return rows.isEmpty() ? null : (Object[]) rows.getFirst();
  }

  /** The extension's last call stamp, or {@code null}. */
  @Transactional
  public Object lastCallAt(long extensionId) {
    return em.createNativeQuery("SELECT last_call_at FROM extension WHERE id = ?1")
        .setParameter(1, extensionId)
        .getSingleResult();
  }
}
