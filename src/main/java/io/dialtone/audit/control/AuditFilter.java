package io.dialtone.audit.control;

import java.time.Instant;

/**
 * What an administrator narrows the audit trail to; every part is optional ({@code null} = any).
 *
 * @param from events at or after this instant
 * @param to events before this instant
 * @param actor events of exactly this actor (e.g. {@code user:12})
 */
public record AuditFilter(
    Instant from, Instant to, String actor, AuditAction action, AuditResult result) {

  public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null);

  /** A one-line description for the "audit viewed" event. */
  public String describe() {
    return "from=%s to=%s actor=%s action=%s result=%s".formatted(from, to, actor, action, result);
  }
}
