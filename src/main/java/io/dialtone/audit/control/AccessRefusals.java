package io.dialtone.audit.control;

import io.dialtone.kernel.control.AccessRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records every refusal of the kernel's access check, in the request that was refused. */
@ApplicationScoped
public class AccessRefusals {

  @Inject AuditTrail audit;

  void record(@Observes AccessRefused refused) {
    audit.record(
        AuditRecord.builder(AuditAction.ACCESS_DENIED, AuditResult.DENIED)
            .actor(refused.caller().actor())
            .onBehalfOf(refused.caller().onBehalfOf())
            .account(refused.caller().accountId())
            .target(refused.target())
            .sourceIp(refused.sourceIp())
            .detail(refused.detail())
            .build());
  }
}
