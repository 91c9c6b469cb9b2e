package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The live bindings of an extension for the portal's pages, oldest first. Memory only. */
@ApplicationScoped
public class RegisteredContacts {

  @Inject LocationService location;

  public List<RegisteredContact> of(long extensionId) {
    return location.bindingsOf(extensionId).stream()
        .map(
            (Binding b) ->
                new RegisteredContact(b.contact(), b.transport(), b.source(), b.refreshedAt()))
        .toList();
  }
}
