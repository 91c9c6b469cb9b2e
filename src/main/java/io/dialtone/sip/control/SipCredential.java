package io.dialtone.sip.control;

/**
 * What the registrar needs to check a digest: the HA1 values still AES-GCM encrypted ({@link
 * CredentialSource#ha1}) decrypts one), the extension's status and registration limit.
 */
public record SipCredential(
    long extensionId,
    long accountId,
    String realm,
    String user,
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
