package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * A live extension as other components see it (a DID's route, a user's own CDRs): its id, number
 * and name, never the entity with its credentials.
 */
public record ExtensionChoice(long id, ExtensionNumber number, String displayName) {

  static ExtensionChoice of(Extension extension) {
    return new ExtensionChoice(
        extension.getId(), extension.getNumber(), extension.getDisplayName());
  }
}
