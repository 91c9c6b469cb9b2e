package io.dialtone.did.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.entity.Account;
import io.dialtone.account.entity.AccountKind;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.did.entity.Did;
import io.dialtone.identity.control.AccessControl;
import io.dialtone.identity.control.SignedInUser;
import io.dialtone.identity.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Who holds a DID ({@link Permission#ASSIGN_DIDS}): a platform administrator assigns inventory
 * numbers to a reseller or straight to a customer; a reseller administrator assigns the numbers its
 * reseller holds to its own customers and takes them back. Both the number's holder and the target
 * account must be in the caller's subtree (else refused, 404, audited, nothing changed); the target
 * is a reseller or customer account below the caller. Taking back moves the number to the caller's
 * own account. A number changing hands loses its route and continuity destination.
 */
@ApplicationScoped
public class DidAssignments {

  @Inject AccessControl access;
  @Inject DidAccess dids;
  @Inject AccountTree accounts;
  @Inject Clock clock;

  /** Assigns a DID in scope to {@code accountId}, a reseller or customer below the caller. */
  @Transactional
  public void assign(long didId, long accountId) {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    Did did = dids.inScope(didId, Permission.ASSIGN_DIDS);
    access.requireInScope(Permission.ASSIGN_DIDS, accountId);
    Account target =
        accounts
            .find(accountId)
            .filter(a -> a.getKind() == AccountKind.RESELLER || a.getKind() == AccountKind.CUSTOMER)
            .filter(a -> a.getId() != caller.accountId())
            .orElseThrow(() -> access.refuse("account:" + accountId, "not a DID target"));
    move(did, target.getId(), target.getId(), "assigned");
  }

  /** Takes a DID held below the caller back to the caller's own account. */
  @Transactional
  public void takeBack(long didId) {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    Did did = dids.inScope(didId, Permission.ASSIGN_DIDS);
    move(did, caller.accountId(), did.getAccountId(), "taken back");
  }

  /** The accounts the caller may assign DIDs to: resellers and customers below them. */
  @Transactional
  public List<Account> targets() {
    SignedInUser caller = access.require(Permission.ASSIGN_DIDS);
    return accounts.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.getKind() == AccountKind.RESELLER || a.getKind() == AccountKind.CUSTOMER)
        .filter(a -> a.getId() != caller.accountId())
        .toList();
  }

  private void move(Did did, long holderId, long trailAccountId, String verb) {
    long from = did.getAccountId();
    if (from == holderId) {
      return;
    }
    did.handTo(holderId, clock.instant());
    dids.record(
        AuditAction.DID_ASSIGNED,
        DidAccess.target(did.getId()) + " (" + did.getNumber() + ")",
        trailAccountId,
        verb + ": account:" + from + " → account:" + holderId);
  }
}
