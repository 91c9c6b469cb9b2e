/**
 * The audit trail's row and its vocabulary. Rule: an {@link io.dialtone.audit.entity.AuditEvent} is
 * immutable once built, and enum constants, being stored and hashed by name, are never renamed or
 * removed.
 */
package io.dialtone.audit.entity;
