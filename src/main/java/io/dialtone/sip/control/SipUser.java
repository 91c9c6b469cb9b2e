package io.dialtone.sip.control;

/**
 * An extension phones may register as right now (active, in an active account chain), with its HA1
 * values decrypted: held in memory only, never logged ({@link #toString()} leaves them out).
 */
public record SipUser(
    long extensionId,
    long accountId,
    String number,
    String realm,
    int maxRegistrations,
    String ha1Sha256,
    String ha1Md5) {

  public String ha1(SipDigest algorithm) {
    return algorithm == SipDigest.SHA_256 ? ha1Sha256 : ha1Md5;
  }

  @Override
  public String toString() {
    return "SipUser[" + number + "@" + realm + "]";
  }
}
