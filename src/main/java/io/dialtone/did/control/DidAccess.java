package io.dialtone.did.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.did.entity.Did;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Loads DIDs by an id from a request, never trusting it (SECURITY.md F2): the number must exist and
 * be held by an account in the caller's scope for the permission used; anything else is audited and
 * refused (404). Also says which of the DID permissions lets the caller see DIDs, and writes the
 * audit rows of the DID controls.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class DidAccess {

  /** The permissions that show DIDs, broadest first. */
  private static final List<Permission> VIEWING =
      List.of(Permission.MANAGE_DID_INVENTORY, Permission.ASSIGN_DIDS, Permission.ROUTE_DIDS);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** The DID permission through which the caller sees DIDs; refused (audited) without any. */
  public Permission viewing() {
    Permission held = VIEWING.stream().filter(access::may).findFirst().orElse(VIEWING.get(2));
    access.require(held);
    return held;
  }

  /** The account of the signed-in caller (the acted-for customer while impersonating). */
  public long callerAccountId() {
    return access.caller().accountId();
  }

  /** Whether the caller holds {@code permission} (for showing or hiding actions). */
  public boolean may(Permission permission) {
    return access.may(permission);
  }

  /** A DID held by an account in the caller's scope for {@code permission}. */
  public Did inScope(long didId, Permission permission) {
    access.require(permission);
    Did did = em.find(Did.class, didId);
    if (did == null) {
      throw access.refuse(target(didId), "no such DID");
    }
    access.requireInScope(permission, did.getAccountId());
    return did;
  }

  /** Audits a successful change to {@code did} by the caller, in the holder's trail. */
  public void record(AuditAction action, Did did, String detail) {
    record(action, target(did.getId()) + " (" + did.getNumber() + ")", did.getAccountId(), detail);
  }

  /** Audits a successful change by the caller to {@code target}, in {@code accountId}'s trail. */
  public void record(AuditAction action, String target, long accountId, String detail) {
    record(action, AuditResult.SUCCESS, target, accountId, detail);
  }

  /** Audits an attempt with {@code result} (e.g. FAILURE: refused input, nothing changed). */
  public void record(
      AuditAction action, AuditResult result, String target, long accountId, String detail) {
    SignedInUser caller = access.caller();
    audit.record(
        AuditRecord.builder(action, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target(target)
            .account(accountId)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }

  public static String target(long didId) {
    return "did:" + didId;
  }

  /** The numbers {@code accountId} holds (entities, for a control of this component). */
  List<Did> heldBy(long accountId) {
    return em.createNamedQuery(Did.LIST_BY_ACCOUNT, Did.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }
}
