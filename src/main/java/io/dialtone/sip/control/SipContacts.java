package io.dialtone.sip.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.sip.entity.Binding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where an extension's phones can be reached now, for call control: the Contact URIs of its live
 * bindings, oldest first. An extension phones may not use (disabled, deleted, account suspended)
 * has none, whatever is still registered. Memory only.
 */
@ApplicationScoped
public class SipContacts {

  @Inject SipCredentialCache users;
  @Inject LocationService location;

  /**
   * The registered contacts of extension {@code extensionId}, which the caller knows to be enabled
   * in an active account (e.g. the extension a customer's DID rings).
   */
  public List<String> of(long extensionId) {
    return location.bindingsOf(extensionId).stream().map(Binding::contact).toList();
  }

  /**
   * The branches to extension {@code extensionId}'s registered phones (enabled, in an active
   * account, as the caller knows): each contact, down the connection it registered over when that
   * was TCP or TLS.
   */
  public List<ForkTarget> targetsOf(long extensionId) {
    return location.bindingsOf(extensionId).stream()
        .map(b -> ForkTarget.contact(b.contact(), b.source(), b.transport()))
        .toList();
  }

  /** As {@link #targetsOf(long)}, for extension {@code number} of {@code domain}. */
  public List<ForkTarget> targetsOf(SipDomain domain, ExtensionNumber number) {
    return users
        .find(domain.value(), number.digits())
        .map(user -> targetsOf(user.extensionId()))
        .orElse(List.of());
  }

  /** The registered contacts of extension {@code number} of {@code domain}. */
  public List<String> of(SipDomain domain, ExtensionNumber number) {
    return users
        .find(domain.value(), number.digits())
        .map(
            user -> location.bindingsOf(user.extensionId()).stream().map(Binding::contact).toList())
        .orElse(List.of());
  }
}
