package io.dialtone.sip.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;

/**
 * What the registrar needs to check a digest: the HA1 values still AES-GCM encrypted ({@link
 * CredentialSource#ha1}) decrypts one), the extension's status and registration limit.
 */
public record SipCredential(
    long extensionId,
    AccountId accountId,
    SipDomain realm,
    ExtensionNumber user,
    String encryptedHa1Sha256,
    String encryptedHa1Md5,
    boolean active,
    int maxRegistrations) {

  /** Whether phones may register with it (disabled and deleted extensions may not). */
  public boolean usable() {
    return active;
  }

  @Override
  public String toString() {
    return "SipCredential[" + user + "@" + realm + (active ? "" : " inactive") + "]";
  }
}
