package io.dialtone.sip.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.extension.control.SipCredential;
import io.dialtone.extension.control.SipCredentials;
import io.dialtone.extension.entity.SipDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * One read of a SIP user from the database, in its own (read-only) transaction: the extension,
 * usable only when active with both HA1 values and its account chain active. Called by {@link
 * SipCredentialCache} on a miss, from the SIP stack's threads.
 */
@ApplicationScoped
public class CredentialLookup {

  @Inject SipCredentials credentials;
  @Inject AccountTree accounts;

  @Transactional
  public Optional<SipUser> find(String realm, String user) {
    return credentials
        .find(realm, user)
        .filter(SipCredential::usable)
        .filter(c -> c.encryptedHa1Sha256() != null && c.encryptedHa1Md5() != null)
        .filter(c -> accounts.isActiveWithAncestors(c.accountId()))
        .map(
            c ->
                new SipUser(
                    c.extensionId(),
                    c.accountId(),
                    c.user(),
                    c.realm(),
                    c.maxRegistrations(),
                    credentials.ha1(c, SipDigest.SHA_256),
                    credentials.ha1(c, SipDigest.MD5)));
  }
}
