package io.dialtone.sip.control;

/**
 * Fired inside the transaction that created an extension, regenerated its secret, disabled, enabled
 * or deleted it: a registrar caching credentials drops {@code (realm, user)} when it observes this
 * {@code AFTER_SUCCESS}. Carries no secret.
 */
public record SipCredentialsChanged(String realm, String user) {}
