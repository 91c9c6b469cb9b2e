package io.dialtone.usage.control;

/**
 * An account's caps or limits changed (working limits, extension caps, an approved or ended raise):
 * {@link UsageMeter} drops its copy after commit and the next call reloads it.
 */
public record UsageLimitsChanged(long accountId) {}
