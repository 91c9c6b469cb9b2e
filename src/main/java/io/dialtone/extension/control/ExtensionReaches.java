package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.sip.control.RegisteredContact;
import io.dialtone.sip.control.RegisteredContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how a call would reach an extension now (its status, continuity destination and registered
 * phones), for the DID page. Checks no permission: its caller has checked the DID naming it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionReaches {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject RegisteredContacts location;
  @Inject RegistrationHistory history;

  /** The live extension {@code extensionId} of account {@code accountId}; empty if none. */
  @Transactional
  public Optional<ExtensionReach> of(long accountId, long extensionId) {
    Extension e = em.find(Extension.class, extensionId);
    if (e == null || !e.isLive() || e.getAccountId().value() != accountId) {
      return Optional.empty();
    }
    var bindings = location.of(extensionId);
    Map<String, Instant> since =
        bindings.isEmpty() ? Map.of() : history.registeredSince(extensionId);
    return Optional.of(
        new ExtensionReach(
            e.getNumber(),
            e.getDisplayName(),
            e.getStatus() == ExtensionStatus.ACTIVE,
            e.getContinuityDestination(),
            e.getRingTimeoutSeconds(),
            bindings.stream()
                .map(
                    (RegisteredContact b) ->
                        new RegisteredPhone(
                            b.contact(),
                            b.transport(),
                            since.getOrDefault(b.contact(), b.refreshedAt())))
                .toList()));
  }
}
