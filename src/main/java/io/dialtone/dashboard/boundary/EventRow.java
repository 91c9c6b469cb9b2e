package io.dialtone.dashboard.boundary;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditResult;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One audit event in a dashboard table, its time as UTC wall-clock time: Faces formats {@code
 * LocalDateTime} in the viewer's locale (date and time styles), whereas it writes an {@code
 * OffsetDateTime} in ISO form whatever the styles.
 */
public record EventRow(
    LocalDateTime when, AuditAction action, AuditResult result, String actor, String sourceIp) {

  static EventRow of(AuditEntry event) {
    return new EventRow(
        LocalDateTime.ofInstant(event.getOccurredAt(), ZoneOffset.UTC),
        event.getAction(),
        event.getResult(),
        event.getActor(),
        event.getSourceIp());
  }
}
