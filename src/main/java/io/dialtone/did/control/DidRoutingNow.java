package io.dialtone.did.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.did.entity.Did;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.extension.control.ExtensionReach;
import io.dialtone.extension.control.ExtensionReaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Says how an incoming call to one of the caller's DIDs is routed now: the account's state, the
 * extension it rings with its registered phones (or the ring group, its members in order with
 * theirs), the continuity destination that applies (the DID's, else the enabled extension's, as
 * call control chooses it) and when (no phone registered, none reachable, no answer within the ring
 * time). Read-only; the DID must be in the caller's scope (else refused, 404).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidRoutingNow {

  /**
   * How long an incoming call rings before its continuity destination takes over when neither the
   * DID nor its extension says, seconds.
   */
  public static final int RING_SECONDS = 25;

  @Inject DidAccess access;
  @Inject AccountTree accounts;
  @Inject ExtensionReaches reaches;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Transactional
  public RoutingNow of(long didId) {
    Did did = access.inScope(didId, access.viewing());
    if (did.getRingGroupId() != null) {
      RingGroup group = em.find(RingGroup.class, did.getRingGroupId());
      if (group != null) {
        return ofGroup(did, group);
      }
    }
    Optional<ExtensionReach> extension =
        Optional.ofNullable(did.getExtensionId()).flatMap(id -> reaches.of(did.getAccountId(), id));
    String own = blankToNull(did.getContinuityDestination());
    // a disabled extension's own destination does not apply: the call never reaches it
    String ofExtension =
        extension
            .filter(ExtensionReach::enabled)
            .map(ExtensionReach::continuityDestination)
            .map(DidRoutingNow::blankToNull)
            .orElse(null);
    String continuity = own != null ? own : ofExtension;
    boolean extensionsOwn = own == null && ofExtension != null;
    return new RoutingNow(
        RouteCase.of(accounts.isActiveWithAncestors(did.getAccountId()), extension, continuity),
        extension,
        continuity,
        extensionsOwn,
        ringSeconds(did, extension));
  }

  /** A DID that rings {@code group}: its members now, its continuity, else the DID's. */
  private RoutingNow ofGroup(Did did, RingGroup group) {
    RingGroupNow now =
        new RingGroupNow(
            group.getName(),
            group.getStrategy(),
            group.getRingSeconds(),
            group.getMemberIds().stream()
                .map(id -> reaches.of(did.getAccountId(), id))
                .flatMap(Optional::stream)
                .toList());
    String own = blankToNull(group.getContinuityDestination());
    String continuity = own != null ? own : blankToNull(did.getContinuityDestination());
    return new RoutingNow(
        RouteCase.ofGroup(accounts.isActiveWithAncestors(did.getAccountId()), now),
        Optional.empty(),
        continuity,
        own != null,
        now.totalRingSeconds(),
        Optional.of(now));
  }

  /** The DID's ring time, else its (enabled) extension's, else the default: as call control. */
  private static int ringSeconds(Did did, Optional<ExtensionReach> extension) {
    if (did.getRingTimeoutSeconds() != null) {
      return did.getRingTimeoutSeconds();
    }
    return extension
        .filter(ExtensionReach::enabled)
        .map(ExtensionReach::ringSeconds)
        .orElse(RING_SECONDS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
