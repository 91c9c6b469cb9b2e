/**
 * The account tree: the platform at the root, resellers below it, customer accounts below them.
 * Owns the {@code account} table (profile, usage caps, suspension). Calls {@code audit}, and the
 * kernel's {@code AccessControl} to authorize every use case; implements the kernel's {@code
 * AccountHierarchy} ({@code control.AccountTree}). Other components see an account as a {@code
 * control.AccountView} snapshot, never the entity; its profile, caps, kind and status are {@code
 * control} types. Caps change on an account page, or through {@code
 * control.AccountManagement#changeCaps} for the usage limits (which checks the parent's ceiling),
 * and fire {@code control.AccountCapsChanged} (the usage gate observes it).
 *
 * <p>Calls: audit, kernel, platform.
 */
package io.dialtone.account;
