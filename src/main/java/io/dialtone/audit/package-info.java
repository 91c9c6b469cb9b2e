/**
 * Audit: the append-only, tamper-evident trail of security-relevant events (SECURITY.md J).
 *
 * <p>Owns the tables {@code audit_event} and {@code audit_chain_head}; no other component reads or
 * writes them. Calls only the kernel (it observes {@code AccessRefused} to record refusals) and
 * {@code platform}; every component may call it: {@link
 * io.dialtone.audit.control.AuditTrail#record} to append (with {@code control.AuditAction} and
 * {@code control.AuditResult}), {@link io.dialtone.audit.control.AuditQuery} to read an actor's
 * recent events, {@link io.dialtone.audit.control.SupportSessions} to read support sessions back,
 * {@link io.dialtone.audit.control.AuditChainVerifier} to check the chain. Whoever knows the caller
 * of a request (the authentication mechanism) tells {@link io.dialtone.audit.control.AuditContext}
 * whom it acts for, and every row of that request names them as on-behalf-of unless it names
 * someone.
 *
 * <p>Rules: rows are inserted once with their final hash and never updated or deleted (the
 * application's database user needs only INSERT and SELECT on {@code audit_event}, SELECT and
 * UPDATE on {@code audit_chain_head}); every text field is escaped and cut to its column before it
 * is hashed, stored or logged; callers never pass a secret, PIN, TOTP code or session id.
 *
 * <p>Calls: kernel, platform.
 */
package io.dialtone.audit;
