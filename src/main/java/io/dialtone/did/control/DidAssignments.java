package io.dialtone.did.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.did.entity.Did;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who holds a DID ({@link Permission#ASSIGN_DIDS}): a platform administrator assigns inventory
 * numbers to a reseller or straight to a customer; a reseller administrator assigns the numbers its
 * reseller holds to its own customers and takes them back. Both the number's holder and the target
 * account must be in the caller's subtree (else refused, 404, audited, nothing changed); the target
 * is a reseller or customer account below the caller. Taking back moves the number to the caller's
 * own account. A number changing hands loses its route and continuity destination. A suspended
 * account (or one below a suspended reseller) gets no numbers: refused with a message and audited
 * as a failed assignment. A customer's administrators are told when a number is assigned to it.
 */
@ApplicationScoped
public class DidAssignments {

  @Inject AccessControl access;
  @Inject DidAccess dids;
  @Inject Event<DidHoldersChanged> holdersChanged;
  @Inject AccountTree accounts;
  @Inject Clock clock;
  @Inject DidNotices notices;

  /**
   * Assigns a DID in scope to {@code accountId}, a reseller or customer below the caller. A
   * customer account's active administrators are told (notice centre and e-mail).
   *
   * @throws DidRefused {@code dids.refused.accountSuspended} when the account, or one above it, is
   *     suspended (audited as a failed assignment; nothing changed)
   */
  @Transactional(rollbackOn = DidRefused.class)
  public void assign(long didId, long accountId) throws DidRefused {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    Did did = dids.inScope(didId, Permission.ASSIGN_DIDS);
    access.requireInScope(Permission.ASSIGN_DIDS, accountId);
    AccountView target =
        accounts
            .find(accountId)
            .filter(a -> a.kind() == AccountKind.RESELLER || a.kind() == AccountKind.CUSTOMER)
            .filter(a -> a.id() != caller.accountId())
            .orElseThrow(() -> access.refuse("account:" + accountId, "not a DID target"));
    if (!accounts.isActiveWithAncestors(target.id())) {
      dids.record(
          AuditAction.DID_ASSIGNED,
          AuditResult.FAILURE,
          DidAccess.target(did.getId()) + " (" + did.getNumber() + ")",
          did.getAccountId(),
          "refused: account:" + target.id() + " is suspended");
      throw new DidRefused("dids.refused.accountSuspended", target.name());
    }
    if (move(did, target.id(), target.id(), "assigned") && target.kind() == AccountKind.CUSTOMER) {
      notices.assigned(did, target);
    }
  }

  /** Takes a DID held below the caller back to the caller's own account. */
  @Transactional
  public void takeBack(long didId) {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    Did did = dids.inScope(didId, Permission.ASSIGN_DIDS);
    move(did, caller.accountId(), did.getAccountId(), "taken back");
  }

  /**
   * The accounts the caller may assign DIDs to: active resellers and customers below them (a
   * customer of a suspended reseller is left out too).
   */
  @Transactional
  public List<AccountView> targets() {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    List<AccountView> subtree = accounts.subtreeOf(caller.accountId());
    Set<Long> suspended = new HashSet<>();
    for (AccountView a : subtree) { // parents come first
      if (!a.active() || (a.parentId() != null && suspended.contains(a.parentId()))) {
        suspended.add(a.id());
      }
    }
    return subtree.stream()
        .filter(a -> a.kind() == AccountKind.RESELLER || a.kind() == AccountKind.CUSTOMER)
        .filter(a -> a.id() != caller.accountId())
        .filter(a -> !suspended.contains(a.id()))
        .toList();
  }

  /** Hands the DID to {@code holderId}; whether it changed hands. */
  private boolean move(Did did, long holderId, long trailAccountId, String verb) {
    long from = did.getAccountId();
    if (from == holderId) {
      return false;
    }
    did.handTo(holderId, clock.instant());
    holdersChanged.fire(new DidHoldersChanged(from));
    holdersChanged.fire(new DidHoldersChanged(holderId));
    dids.record(
        AuditAction.DID_ASSIGNED,
        DidAccess.target(did.getId()) + " (" + did.getNumber() + ")",
        trailAccountId,
        verb + ": account:" + from + " → account:" + holderId);
    return true;
  }
}
