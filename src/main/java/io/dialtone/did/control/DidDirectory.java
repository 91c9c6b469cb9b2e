package io.dialtone.did.control;

import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.AccountNumbers;
import io.dialtone.extension.control.RoutedNumbers;
import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * DIDs for other components, without permission checks (their callers scope what they return): the
 * numbers routed to an extension, for the voicemail PIN policy ({@link RoutedNumbers}), the numbers
 * an account holds, for an extension's outbound caller ID ({@link AccountNumbers}) and call
 * control's check of it at call time ({@link #callerId}), and the account holding a number, for
 * support's customer search. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidDirectory implements RoutedNumbers, AccountNumbers {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

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
  @Transactional
  public Optional<E164Number> callerId(long accountId, E164Number preferred) {
    List<Did> numbers = held(accountId);
    if (preferred != null && numbers.stream().anyMatch(d -> d.getNumber().equals(preferred))) {
      return Optional.of(preferred);
    }
    return numbers.stream().findFirst().map(Did::getNumber);
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
