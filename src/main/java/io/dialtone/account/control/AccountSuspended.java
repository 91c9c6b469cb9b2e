package io.dialtone.account.control;

/**
 * Fired inside the transaction that suspended an account (the SIP registrar drops its cached
 * credentials when it observes this {@code AFTER_SUCCESS}; a suspended reseller stops the phones of
 * every customer below it, so observers treat it as covering the whole subtree).
 */
public record AccountSuspended(long accountId) {}
