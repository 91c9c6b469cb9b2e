package io.dialtone.kernel.entity;

/** What an extension is for; stored by name. */
public enum ExtensionType {
  /** A person's phone (one or more devices). */
  USER,
  /** An auto attendant (IVR menu). */
  AUTO_ATTENDANT,
  /** A voicemail box without a phone. */
  VOICEMAIL,
  /** A shared phone in a lobby, kitchen or meeting room. */
  COMMON_AREA;

  /** The message bundle key, e.g. {@code ExtensionType.AUTO_ATTENDANT}. */
  public String messageKey() {
    return "ExtensionType." + name();
  }
}
