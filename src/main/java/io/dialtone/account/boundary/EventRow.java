package io.dialtone.account.boundary;

import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditEvent;
import io.dialtone.audit.entity.AuditResult;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One audit event in a dashboard table, its time in UTC for display. */
public record EventRow(
    OffsetDateTime when, AuditAction action, AuditResult result, String actor, String sourceIp) {

  static EventRow of(AuditEvent event) {
    return new EventRow(
        event.getOccurredAt().atOffset(ZoneOffset.UTC),
        event.getAction(),
        event.getResult(),
        event.getActor(),
        event.getSourceIp());
  }
}
