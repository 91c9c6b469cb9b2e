/**
 * Support: finding customers and acting for them. Owns no table. The search asks every {@link
 * io.dialtone.support.control.CustomerLookup} (account name or number, user e-mail, extension
 * number; DIDs will add theirs when they exist) within the caller's subtree; acting as a customer
 * is {@code identity}'s {@code Impersonations}. Calls {@code account}, {@code identity}, {@code
 * extension} and {@code audit}; nothing calls it.
 */
package io.dialtone.support;
