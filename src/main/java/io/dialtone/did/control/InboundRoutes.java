package io.dialtone.did.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.entity.Did;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ExtensionDirectory;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves a called number to its {@link InboundRoute} (an extension, or a ring group with its
 * active members in order), for call control (no permission check: the caller is the SIP side, not
 * a user). A number answers only when it is a DID held by a customer account that is active with
 * all its ancestors: a number in the platform's or a reseller's stock, or held by a suspended
 * account, resolves to nothing, exactly like a number Dialtone does not hold, so that the answer to
 * a caller reveals nothing about the inventory.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class InboundRoutes {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree accounts;
  @Inject ExtensionDirectory extensions;

  /** Where a call to {@code number} goes now, or empty when no active customer holds it. */
  @Transactional
  public Optional<InboundRoute> routeOf(E164Number number) {
    return em.createNamedQuery(Did.FIND_BY_NUMBER, Did.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .filter(this::heldByActiveCustomer)
        .map(
            did ->
                new InboundRoute(
                    did.getNumber(),
                    AccountId.of(did.getAccountId()),
                    Optional.ofNullable(did.getExtensionId()).flatMap(extensions::activeNumber),
                    Optional.ofNullable(did.getContinuityDestination()),
                    Optional.ofNullable(did.getRingTimeoutSeconds()).map(Duration::ofSeconds),
                    Optional.ofNullable(did.getRingGroupId()).flatMap(this::groupRoute)));
  }

  /** The ring group as a call reads it: its active members only. */
  private Optional<RingGroupRoute> groupRoute(long groupId) {
    return Optional.ofNullable(em.find(RingGroup.class, groupId))
        .map(
            group ->
                new RingGroupRoute(
                    group.getName(),
                    group.getStrategy() == RingStrategy.IN_ORDER,
                    Duration.ofSeconds(group.getRingSeconds()),
                    group.getMemberIds().stream()
                        .map(extensions::activeNumber)
                        .flatMap(Optional::stream)
                        .toList(),
                    Optional.ofNullable(group.getContinuityDestination())));
  }

  private boolean heldByActiveCustomer(Did did) {
    boolean customer =
        accounts
            .find(did.getAccountId())
            .map(AccountView::kind)
            .filter(kind -> kind == AccountKind.CUSTOMER)
            .isPresent();
    return customer && accounts.isActiveWithAncestors(did.getAccountId());
  }
}
