package io.dialtone.audit.control;

import io.dialtone.kernel.control.AccountScope;
import io.dialtone.platform.control.DataKeyOperatorCommand;
import io.dialtone.platform.control.DataKeyRotationFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Records the end of a data key rotation (the background job finishes it, so the actor is system),
 * and what the operator's command line started or retired (it cannot append to the trail itself: a
 * node's rotation job tells it once).
 */
@ApplicationScoped
public class DataKeyAudit {

  @Inject AuditTrail audit;

  void record(@Observes DataKeyRotationFinished rotation) {
    audit.record(
        AuditRecord.builder(AuditAction.DATA_KEY_ROTATION_FINISHED, AuditResult.SUCCESS)
            .actor("system")
            .account(AccountScope.PLATFORM_ACCOUNT_ID)
            .target("data-key:" + rotation.targetKeyId())
            .detail(
                "every stored secret is encrypted with "
                    + rotation.targetKeyId()
                    + "; "
                    + rotation.rewritten()
                    + " re-encrypted; started by "
                    + rotation.startedBy())
            .build());
  }

  void record(@Observes DataKeyOperatorCommand command) {
    boolean started = !command.retirement();
    audit.record(
        AuditRecord.builder(
                started ? AuditAction.DATA_KEY_ROTATION_STARTED : AuditAction.DATA_KEY_RETIRED,
                AuditResult.SUCCESS)
            .actor(command.by())
            .account(AccountScope.PLATFORM_ACCOUNT_ID)
            .target("data-key:" + command.keyId())
            .detail(
                (started ? "started" : "retired")
                    + " by the operator's command line (bin/dialtone "
                    + (started ? "rotate-keys" : "retire-key")
                    + ")")
            .build());
  }
}
