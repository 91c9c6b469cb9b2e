package io.dialtone.extension.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

/**
 * Loads extensions by an id from a request, never trusting it (SECURITY.md F2): the extension must
 * exist, be live and belong to an account in the caller's scope (administrators) or be assigned to
 * the caller (own extension). Anything else is audited and refused (404). Also writes the audit
 * rows of the extension controls.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionAccess {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** A live extension of an account in scope, for a caller holding every one of {@code needed}. */
  public Extension manageable(long extensionId, Permission... needed) {
    for (Permission permission : needed) {
      access.require(permission);
    }
    Extension extension = em.find(Extension.class, extensionId);
    if (extension == null || !extension.isLive()) {
      throw access.refuse(target(extensionId), "no such extension");
    }
    for (Permission permission : needed) {
      access.requireInScope(permission, extension.getAccountId().value());
    }
    return extension;
  }

  /** A live extension assigned to the caller, who holds {@code permission}. */
  public Extension own(long extensionId, Permission permission) {
    SignedInUser caller = access.require(permission);
    Extension extension = em.find(Extension.class, extensionId);
    if (extension == null
        || !extension.isLive()
        || extension.getAssignedUserId() == null
        || extension.getAssignedUserId() != caller.userId()) {
      throw access.refuse(target(extensionId), "not the caller's extension");
    }
    return extension;
  }

  /** Audits a successful change to {@code extension} by the caller. */
  public void record(AuditAction action, Extension extension, String detail) {
    SignedInUser caller = access.caller();
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target(target(extension.getId()) + " (" + extension.getNumber() + ")")
            .account(extension.getAccountId().value())
            .sourceIp(sourceIp())
            .detail(detail)
            .build());
  }

  public String sourceIp() {
    return request.getRemoteAddr();
  }

  public static String target(long extensionId) {
    return "extension:" + extensionId;
  }
}
