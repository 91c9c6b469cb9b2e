package io.dialtone.dashboard.boundary;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditResult;
import java.time.Instant;

/** One audit event in a dashboard table (pages show its time with {@code dt:time}). */
public record EventRow(
    Instant when, AuditAction action, AuditResult result, String actor, String sourceIp) {

  static EventRow of(AuditEntry event) {
    return new EventRow(
        event.getOccurredAt(),
        event.getAction(),
        event.getResult(),
        event.getActor(),
        event.getSourceIp());
  }
}
