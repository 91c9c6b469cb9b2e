package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import java.time.Instant;

/**
 * One change of an extension's bindings, for its registration history: never a refresh.
 *
 * @param accountId the extension's account
 * @param extensionId the extension
 * @param kind what happened
 * @param at when
 * @param contact the Contact URI
 * @param source the address the binding's REGISTER came from, {@code ip:port}
 * @param transport {@code UDP}, {@code TCP} or {@code TLS}
 */
public record BindingChange(
    long accountId,
    long extensionId,
    BindingChangeKind kind,
    Instant at,
    String contact,
    String source,
    String transport) {

  static BindingChange of(Binding binding, BindingChangeKind kind, Instant at) {
    return new BindingChange(
        binding.accountId(),
        binding.extensionId(),
        kind,
        at,
        binding.contact(),
        binding.source(),
        binding.transport());
  }
}
