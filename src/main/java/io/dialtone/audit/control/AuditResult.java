package io.dialtone.audit.control;

/** How an audited action ended. Stored by name in {@code audit_event.result} (at most 16). */
public enum AuditResult {
  /** The action was carried out. */
  SUCCESS,
  /** The action was attempted and failed (wrong password, expired token, error). */
  FAILURE,
  /** The action was refused by a rule or a missing permission. */
  DENIED
}
