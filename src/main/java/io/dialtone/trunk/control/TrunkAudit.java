package io.dialtone.trunk.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Audits the trunk changes: the caller (and on-behalf-of), the trunk, what changed in words. */
@ApplicationScoped
public class TrunkAudit {

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** A successful change of trunk {@code trunkId}; {@code detail} never holds a password. */
  public void changed(AuditAction action, long trunkId, String detail) {
    SignedInUser caller = access.caller();
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(caller.accountId())
            .target("trunk:" + trunkId)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
