package io.dialtone.identity.control;

import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whether a signed-in session still stands (SECURITY.md C5): its user is still active and still in
 * the session epoch the session signed in with. One primary-key lookup per page request.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SessionValidity {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  public boolean isCurrent(SignedInUser user) {
    return !em.createNativeQuery(
            "SELECT 1 FROM app_user WHERE id = ?1 AND status = 'ACTIVE' AND session_epoch = ?2")
        .setParameter(1, user.userId())
        .setParameter(2, user.sessionEpoch())
        .getResultList()
        .isEmpty();
  }
}
