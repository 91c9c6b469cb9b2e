package io.dialtone.extension.boundary;

import io.dialtone.extension.entity.Extension;

/** What the owner of an extension sees of its voicemail PIN (never the PIN). */
public enum PinState {
  NOT_SET,
  /** A temporary PIN from an administrator: the owner must choose their own. */
  MUST_CHANGE,
  SET;

  static PinState of(Extension extension) {
    if (extension.getPinHash() == null) {
      return NOT_SET;
    }
    return extension.isPinMustChange() ? MUST_CHANGE : SET;
  }
}
