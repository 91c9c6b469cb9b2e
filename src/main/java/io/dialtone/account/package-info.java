/**
 * The account tree: the platform at the root, resellers below it, customer accounts below them.
 * Owns the {@code account} table (profile, usage caps, suspension) and the home page's dashboards.
 * Calls {@code audit}, and {@code identity}'s {@code AccessControl} to authorize every use case;
 * caps changed on an account page fire {@code control.AccountCapsChanged} (the usage gate observes
 * it); the dashboards read users and sign-in activity through {@code identity}'s {@code
 * UserOverview} and {@code SecurityOverview}. Is called by {@code identity} and every tenant-scoped
 * component to resolve a caller's subtree.
 */
package io.dialtone.account;
