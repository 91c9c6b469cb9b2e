/**
 * The account tree: the platform at the root, resellers below it, customer accounts below them.
 * Owns the {@code account} table (profile, usage caps, suspension). Calls {@code audit}, and {@code
 * identity}'s {@code AccessControl} to authorize every use case; is called by {@code identity} and
 * every tenant-scoped component to resolve a caller's subtree.
 */
package io.dialtone.account;
