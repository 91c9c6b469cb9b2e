package io.dialtone.extension.entity;

/** Where an extension is in its life; stored by name. */
public enum ExtensionStatus {
  /** Its phones may register and call. */
  ACTIVE,
  /** Kept with its credentials, but refused by the registrar until enabled again. */
  DISABLED,
  /**
   * Gone for good: the number is free again, the row stays for history, the HA1 values are wiped.
   */
  DELETED;

  /** The message bundle key, e.g. {@code ExtensionStatus.DISABLED}. */
  public String messageKey() {
    return "ExtensionStatus." + name();
  }
}
