package io.dialtone.did.control;

import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.AccountNumbers;
import io.dialtone.extension.control.RoutedNumbers;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.platform.control.RecentValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * DIDs for other components, without permission checks (their callers scope what they return): the
 * numbers routed to an extension, for the voicemail PIN policy ({@link RoutedNumbers}), the numbers
 * an account holds, for an extension's outbound caller ID ({@link AccountNumbers}) and call
 * control's check of it at call time ({@link #callerId}), the account holding a number, for
 * support's customer search, and a DID's number by its id, for the audit trail's words. Joins the
 * caller's transaction.
 *
 * <p>The caller ID check runs on every outbound call: an account's numbers are read once and kept
 * ({@link RecentValues}, {@link #KEPT}), read again once a change of them commits ({@link
 * DidHoldersChanged}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidDirectory implements RoutedNumbers, AccountNumbers {

  /** How long an account's numbers are used for calls at most (another node's change). */
  public static final Duration KEPT = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  private final RecentValues<Long, List<E164Number>> callerIds = new RecentValues<>(KEPT);

  /** The number of DID {@code didId}, for the audit trail's words; empty once it is removed. */
  public Optional<E164Number> number(long didId) {
    return Optional.ofNullable(em.find(Did.class, didId)).map(Did::getNumber);
  }

  @Override
  public List<E164Number> numbersRoutedTo(long extensionId) {
    return em.createNamedQuery(Did.LIST_BY_EXTENSION, E164Number.class)
        .setParameter("extensionId", extensionId)
        .getResultList();
  }

  @Override
  public List<E164Number> numbersHeldBy(long accountId) {
    return held(accountId).stream()
        .map(Did::getNumber)
        .sorted(Comparator.comparing(E164Number::value))
        .toList();
  }

  /**
   * The caller ID {@code accountId} presents now: {@code preferred} (an extension's setting) while
   * the account still holds it, else the account's default DID, else its lowest number; none when
   * it holds no number.
   */
  public Optional<E164Number> callerId(long accountId, E164Number preferred) {
    List<E164Number> numbers =
        callerIds.get(accountId, id -> held(id).stream().map(Did::getNumber).toList());
    if (preferred != null && numbers.contains(preferred)) {
      return Optional.of(preferred);
    }
    return numbers.stream().findFirst();
  }

  void holdersChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DidHoldersChanged changed) {
    callerIds.forget(changed.accountId());
  }

  /** The id of the account holding {@code number}, if it is a DID (at most one). */
  public List<Long> accountsWithNumber(E164Number number) {
    return em.createNamedQuery(Did.FIND_BY_NUMBER, Did.class)
        .setParameter("number", number)
        .getResultStream()
        .map(Did::getAccountId)
        .toList();
  }

  /** The account's numbers, its default caller ID first, then by number. */
  private List<Did> held(long accountId) {
    return em.createNamedQuery(Did.LIST_BY_ACCOUNT, Did.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }
}
