package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Extensions for call control, without permission checks (a phone's digest authenticated the call):
 * the caller and the callee of a call, and the stamp of an extension's last call ({@code
 * last_call_at}, for "not used for N days").
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallingExtensions {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** The live extension {@code extensionId}, if there is one. */
  @Transactional
  public Optional<CallingParty> byId(long extensionId) {
    return Optional.ofNullable(em.find(Extension.class, extensionId))
        .filter(Extension::isLive)
        .map(CallingExtensions::party);
  }

  /** The live extension {@code number} of {@code account}, if there is one. */
  @Transactional
  public Optional<CallingParty> byNumber(AccountId account, ExtensionNumber number) {
    return em.createNamedQuery(Extension.FIND_LIVE_BY_NUMBER, Extension.class)
        .setParameter("accountId", account)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .map(CallingExtensions::party);
  }

  /** Stamps the extension's last call at {@code at}, never backwards. */
  @Transactional
  public void called(long extensionId, Instant at) {
    em.createNativeQuery(
            """
            UPDATE extension SET last_call_at = ?
            WHERE id = ? AND (last_call_at IS NULL OR last_call_at < ?)
            """)
        .setParameter(1, Timestamp.from(at))
        .setParameter(2, extensionId)
        .setParameter(3, Timestamp.from(at))
        .executeUpdate();
  }

  private static CallingParty party(Extension e) {
    return new CallingParty(
        e.getId(),
        e.getAccountId(),
        e.getNumber(),
        e.getStatus() == ExtensionStatus.ACTIVE,
        e.getOutboundCallerId());
  }
}
