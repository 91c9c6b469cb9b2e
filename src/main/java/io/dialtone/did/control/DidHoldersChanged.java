package io.dialtone.did.control;

/**
 * Fired inside the transaction that changed which numbers {@code accountId} holds or which of them
 * is its default caller ID; observed after commit by what keeps an account's numbers for calls
 * ({@link DidDirectory#callerId}).
 */
public record DidHoldersChanged(long accountId) {}
