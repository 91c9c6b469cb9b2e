package io.dialtone.extension.control;

/**
 * Fired inside the transaction that regenerated a secret, disabled, enabled or deleted an
 * extension: a registrar caching credentials drops {@code (realm, user)} when it observes this
 * {@code AFTER_SUCCESS}. Carries no secret.
 */
public record SipCredentialsChanged(String realm, String user) {}
