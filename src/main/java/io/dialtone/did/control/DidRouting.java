package io.dialtone.did.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.did.entity.Did;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.extension.control.ContinuityDestinations;
import io.dialtone.extension.control.ExtensionChoice;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.Extensions;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;

/**
 * Where a customer's DID rings ({@link Permission#ROUTE_DIDS}, customer administrators and an agent
 * acting as one): one live extension or one ring group ({@link RingGroups}) of the holding customer
 * account, or none, and the service continuity destination calls go to when no device answers,
 * checked against the account's call policy like a dialled number at account level (extension's
 * {@link ContinuityDestinations}). An extension of another account is refused (404, audited); a
 * blocked destination is refused with the deciding rule. All or nothing; audited.
 */
@ApplicationScoped
public class DidRouting {

  @Inject AccessControl access;
  @Inject DidAccess dids;
  @Inject Event<DidHoldersChanged> holdersChanged;
  @Inject AccountTree accounts;
  @Inject Extensions extensions;
  @Inject ContinuityDestinations continuity;
  @Inject RingGroups ringGroups;

  /** The ring groups a DID in scope may ring: those of its customer account. */
  @Transactional
  public List<RingGroupView> ringGroupsFor(long didId) {
    Did did = routable(didId);
    return ringGroups.of(did.getAccountId());
  }

  /**
   * As {@link #route(long, Long, String, Integer)}, or to the ring group {@code ringGroupId} of the
   * DID's account instead of an extension (both: refused). A group of another account is refused
   * (404, audited) as if it did not exist.
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void route(
      long didId, Long extensionId, Long ringGroupId, String destination, Integer ringSeconds)
      throws ExtensionRefused {
    if (extensionId != null && ringGroupId != null) {
      throw new DidRefused("dids_edit.extensionOrGroup");
    }
    route(didId, extensionId, destination, ringSeconds);
    Did did = routable(didId);
    if (Objects.equals(did.getRingGroupId(), ringGroupId)) {
      return;
    }
    if (ringGroupId != null) {
      RingGroup group = ringGroups.inScope(ringGroupId);
      if (group.getAccountId() != did.getAccountId()) {
        throw access.refuse("ring_group:" + ringGroupId, "not a ring group of the DID's account");
      }
      did.routeToGroup(ringGroupId);
      dids.record(AuditAction.DID_ROUTED, did, "route ring group " + group.getName());
    } else if (extensionId == null) {
      did.routeToGroup(null);
      dids.record(AuditAction.DID_ROUTED, did, "route none");
    }
  }

  /** The live extensions a DID in scope may ring: those of its customer account. */
  @Transactional
  public List<ExtensionChoice> extensionsFor(long didId) {
    Did did = routable(didId);
    return extensions.choices(did.getAccountId());
  }

  /**
   * Routes a DID in scope to {@code extensionId} ({@code null}: none) with {@code destination} as
   * continuity destination (blank: none).
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void route(long didId, Long extensionId, String destination) throws ExtensionRefused {
    Did did = routable(didId);
    if (extensionId != null
        && extensions.choices(did.getAccountId()).stream().noneMatch(e -> e.id() == extensionId)) {
      throw access.refuse("extension:" + extensionId, "not a live extension of the DID's account");
    }
    String target = continuity.check(did.getAccountId(), null, destination);
    StringBuilder changes = new StringBuilder();
    if (!Objects.equals(did.getExtensionId(), extensionId)) {
      did.routeTo(extensionId);
      changes.append("route ").append(extensionId == null ? "none" : "extension:" + extensionId);
      changes.append("; ");
    }
    if (!Objects.equals(did.getContinuityDestination(), target)) {
      did.changeContinuityDestination(target);
      changes.append("continuity destination ").append(target == null ? "none" : "set");
    }
    if (!changes.isEmpty()) {
      dids.record(AuditAction.DID_ROUTED, did, changes.toString().strip());
    }
  }

  /**
   * As {@link #route(long, Long, String)}, with how long the extension's phones ring before the
   * continuity destination ({@code null}: the extension's, else the default), all or nothing.
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void route(long didId, Long extensionId, String destination, Integer ringSeconds)
      throws ExtensionRefused {
    if (ringSeconds != null && (ringSeconds < Did.RING_MIN || ringSeconds > Did.RING_MAX)) {
      throw new ExtensionRefused(ExtensionRefused.Reason.RING_TIMEOUT_INVALID);
    }
    route(didId, extensionId, destination);
    Did did = routable(didId);
    if (!Objects.equals(did.getRingTimeoutSeconds(), ringSeconds)) {
      did.changeRingTimeout(ringSeconds);
      dids.record(
          AuditAction.DID_ROUTED,
          did,
          "ring timeout " + (ringSeconds == null ? "default" : ringSeconds + " s"));
    }
  }

  /** Whether a DID in scope is its account's default outbound caller ID. */
  @Transactional
  public boolean isCallerIdDefault(long didId) {
    return routable(didId).isCallerIdDefault();
  }

  /**
   * Makes a DID in scope its account's default outbound caller ID (the one the account's other
   * numbers then give up), or no longer ({@code false}: the account's lowest number serves).
   */
  @Transactional
  public void changeCallerIdDefault(long didId, boolean isDefault) {
    Did did = routable(didId);
    if (did.isCallerIdDefault() == isDefault) {
      return;
    }
    if (isDefault) {
      dids.heldBy(did.getAccountId()).forEach(other -> other.markCallerIdDefault(false));
    }
    did.markCallerIdDefault(isDefault);
    holdersChanged.fire(new DidHoldersChanged(did.getAccountId()));
    dids.record(
        AuditAction.DID_ROUTED,
        did,
        isDefault ? "default outbound caller ID" : "no longer the default outbound caller ID");
  }

  /** A DID in scope for routing, held by a customer account (a reseller's stock is not routed). */
  private Did routable(long didId) {
    Did did = dids.inScope(didId, Permission.ROUTE_DIDS);
    boolean customer =
        accounts
            .find(did.getAccountId())
            .map(AccountView::kind)
            .filter(kind -> kind == AccountKind.CUSTOMER)
            .isPresent();
    if (!customer) {
      throw access.refuse(DidAccess.target(didId), "not held by a customer account");
    }
    return did;
  }
}
