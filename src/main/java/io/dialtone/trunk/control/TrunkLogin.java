package io.dialtone.trunk.control;

import java.util.Objects;

/**
 * The digest credentials Dialtone presents to a carrier trunk that challenges its INVITEs. Held in
 * memory only, decrypted from the store; {@link #toString()} never shows the password.
 *
 * @param username the digest username
 * @param password the digest password, in clear
 * @param realm the realm the credentials are for, or {@code ""} for any realm the trunk names
 */
public record TrunkLogin(String username, String password, String realm) {

  public TrunkLogin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    realm = realm == null ? "" : realm;
  }

  /** Whether these credentials answer a challenge for {@code challengeRealm}. */
  public boolean answers(String challengeRealm) {
    return realm.isEmpty() || realm.equals(challengeRealm);
  }

  @Override
  public String toString() {
    return "TrunkLogin[username=" + username + ", password=***, realm=" + realm + "]";
  }
}
