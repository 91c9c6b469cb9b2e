package io.dialtone.audit.control;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records the start and the orderly stop of the service in the audit trail (SECURITY.md J). */
@ApplicationScoped
public class ServiceLifecycle {

  @Inject AuditTrail audit;

  void started(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 10)
          Object event) {
    audit.record(
        AuditRecord.builder(AuditAction.SERVICE_START, AuditResult.SUCCESS)
            .actor("system")
            .build());
  }

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    audit.record(
        AuditRecord.builder(AuditAction.SERVICE_STOP, AuditResult.SUCCESS).actor("system").build());
  }
}
