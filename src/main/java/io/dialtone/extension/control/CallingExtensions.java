package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.platform.control.RecentValues;
import io.dialtone.sip.control.SipCredentialsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Extensions for call control, without permission checks (a phone's digest authenticated the call):
 * the caller and the callee of a call, and the stamp of an extension's last call ({@code
 * last_call_at}, for "not used for N days").
 *
 * <p>The caller, read on every call, is kept ({@link RecentValues}, {@link #KEPT}) and read again
 * once any extension's status, secret or settings change commits ({@link SipCredentialsChanged}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallingExtensions {

  /** How long a caller read is used at most (another node's change shows after that). */
  public static final Duration KEPT = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  private final RecentValues<Long, Optional<CallingParty>> callers = new RecentValues<>(KEPT);

  /** The live extension {@code extensionId}, if there is one. */
  public Optional<CallingParty> byId(long extensionId) {
    return callers.get(
        extensionId,
        id ->
            Optional.ofNullable(em.find(Extension.class, id))
                .filter(Extension::isLive)
                .map(CallingExtensions::party));
  }

  void extensionChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SipCredentialsChanged changed) {
    callers.forgetAll();
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

  /** Stamps each extension's last call at its instant, never backwards; one transaction. */
  @Transactional
  public void called(Map<Long, Instant> lastCalls) {
    lastCalls.forEach(
        (extensionId, at) ->
            em.createNativeQuery(
                    """
                    UPDATE extension SET last_call_at = ?
                    WHERE id = ? AND (last_call_at IS NULL OR last_call_at < ?)
                    """)
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, extensionId)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate());
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
