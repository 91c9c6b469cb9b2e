package io.dialtone.callpolicy.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Audits the call policy's changes: the caller (and on-behalf-of), the target, before → after. */
@ApplicationScoped
public class CallPolicyAudit {

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** A successful change of {@code accountId}'s policy ({@code null}: platform-wide). */
  public void changed(AuditAction action, Long accountId, String target, String detail) {
    SignedInUser caller = access.caller();
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(accountId != null ? accountId : caller.accountId())
            .target(target)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
