package io.dialtone.account.control;

/**
 * Fired inside the transaction that changed the caps granted on an account from its account page:
 * the usage gate drops its copy of the account's caps when it observes this {@code AFTER_SUCCESS},
 * so the new caps decide the next call at once.
 */
public record AccountCapsChanged(long accountId) {}
