package io.dialtone.sip.control;

/**
 * Fired inside the transaction of a bulk import that created {@code count} extensions of the
 * account whose SIP domain is {@code realm}: a registrar holding every credential in memory loads
 * them when it observes this {@code AFTER_SUCCESS}. Carries no secret.
 */
public record SipCredentialsImported(String realm, int count) {}
