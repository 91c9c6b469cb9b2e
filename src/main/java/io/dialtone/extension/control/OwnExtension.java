package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * One of the signed-in user's own extensions as other components show it (the user's dashboard):
 * its number and name and the state of its voicemail PIN, never the PIN or the SIP secret.
 *
 * @param pinState {@code NOT_SET}, {@code MUST_CHANGE} (a temporary PIN from an administrator) or
 *     {@code SET}; pages show it with the bundle key {@code PinState.<state>}
 */
public record OwnExtension(long id, ExtensionNumber number, String displayName, String pinState) {

  static OwnExtension of(Extension extension) {
    String pin =
        extension.getPinHash() == null
            ? "NOT_SET"
            : extension.isPinMustChange() ? "MUST_CHANGE" : "SET";
    return new OwnExtension(
        extension.getId(), extension.getNumber(), extension.getDisplayName(), pin);
  }
}
