package io.dialtone.sip.control;

/**
 * Fired inside the transaction that created an extension, regenerated its secret, disabled, enabled
 * or deleted it: a registrar caching credentials drops {@code (realm, user)} when it observes this
 * {@code AFTER_SUCCESS}, and its phones are logged out. With {@code keepBindings} (a setting such
 * as the registration limit changed, not the secret nor the status) the registrar reads the user
 * again and its phones stay registered. Carries no secret.
 */
public record SipCredentialsChanged(String realm, String user, boolean keepBindings) {

  public SipCredentialsChanged(String realm, String user) {
    this(realm, user, false);
  }
}
