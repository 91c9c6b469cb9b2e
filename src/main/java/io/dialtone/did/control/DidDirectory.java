package io.dialtone.did.control;

import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.RoutedNumbers;
import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * DIDs for other components, without permission checks (their callers scope what they return): the
 * numbers routed to an extension, for the voicemail PIN policy ({@link RoutedNumbers}), and the
 * account holding a number, for support's customer search. Joins the caller's transaction.
 */
@ApplicationScoped
public class DidDirectory implements RoutedNumbers {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Override
  public List<E164Number> numbersRoutedTo(long extensionId) {
    return em.createNamedQuery(Did.LIST_BY_EXTENSION, E164Number.class)
        .setParameter("extensionId", extensionId)
        .getResultList();
  }

  /** The id of the account holding {@code number}, if it is a DID (at most one). */
  public List<Long> accountsWithNumber(E164Number number) {
    return em.createNamedQuery(Did.FIND_BY_NUMBER, Did.class)
        .setParameter("number", number)
        .getResultStream()
        .map(Did::getAccountId)
        .toList();
  }
}
