/**
 * Support: finding customers and acting for them. Owns no table. The search asks every {@link
 * io.dialtone.support.control.CustomerLookup} (account name or number, user e-mail, extension
 * number, DID) within the caller's subtree; acting as a customer is {@code identity}'s {@code
 * Impersonations}. Calls {@code account}, {@code identity}, {@code extension}, {@code did} ({@code
 * DidDirectory}, {@code DidNumbers}) and {@code audit}; nothing calls it.
 *
 * <p>Calls: account, audit, did, extension, identity, kernel, platform.
 */
package io.dialtone.support;
