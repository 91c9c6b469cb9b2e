package io.dialtone.sip.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import java.util.Objects;

/**
 * An extension phones may register as and call from right now (active, in an active account chain),
 * with its HA1 values decrypted: held in memory only, never logged ({@link #toString()} leaves them
 * out).
 */
public record SipUser(
    long extensionId,
    AccountId accountId,
    ExtensionNumber number,
    SipDomain realm,
    int maxRegistrations,
    String ha1Sha256,
    String ha1Md5) {

  public SipUser {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(realm, "realm");
  }

  public String ha1(SipDigest algorithm) {
    return algorithm == SipDigest.SHA_256 ? ha1Sha256 : ha1Md5;
  }

  @Override
  public String toString() {
    return "SipUser[" + number + "@" + realm + "]";
  }
}
