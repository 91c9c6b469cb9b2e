package io.dialtone.sip.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads of SIP users from the database, each in its own (read-only) transaction: an extension is
 * usable only when active with both HA1 values and its account chain active. Called by {@link
 * SipCredentialCache} from its refresher thread, never from the SIP stack's threads.
 */
@ApplicationScoped
public class CredentialLookup {

  private static final Logger LOG = Logger.getLogger(CredentialLookup.class.getName());

  @Inject CredentialSource credentials;
  @Inject AccountTree accounts;

  /**
   * The SIP user {@code user} in {@code realm} as a phone sent them (the realm in any case); none
   * when either is not even well-formed.
   */
  @Transactional
  public Optional<SipUser> find(String realm, String user) {
    Optional<SipDomain> domain = SipDomain.parse(realm);
    Optional<ExtensionNumber> number = ExtensionNumber.parse(user);
    if (domain.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    return credentials
        .find(domain.get(), number.get())
        .filter(SipCredential::usable)
        .filter(c -> c.encryptedHa1Sha256() != null && c.encryptedHa1Md5() != null)
        .filter(c -> accounts.isActiveWithAncestors(c.accountId().value()))
        .map(this::userOf);
  }

  /**
   * Every usable SIP user (the account chain checked once per account). An extension whose stored
   * credentials cannot be read (damaged, or sealed with a data key no longer held) is left out and
   * named in a warning: its phones cannot register until its secret is set again, and every other
   * extension is read as usual.
   */
  @Transactional
  public List<SipUser> all() {
    Map<AccountId, Boolean> active = new HashMap<>();
    List<SipUser> users = new ArrayList<>();
    List<Long> unreadable = new ArrayList<>();
    for (SipCredential c : credentials.allActive()) {
      if (!c.usable()
          || c.encryptedHa1Sha256() == null
          || c.encryptedHa1Md5() == null
          || !active.computeIfAbsent(
              c.accountId(), id -> accounts.isActiveWithAncestors(id.value()))) {
        continue;
      }
      try {
        users.add(userOf(c));
      } catch (RuntimeException e) {
        unreadable.add(c.extensionId());
      }
    }
    if (!unreadable.isEmpty()) {
      LOG.warning(
          () ->
              "SIP credentials of "
                  + unreadable.size()
                  + " extension(s) cannot be read and are left out (their phones cannot register"
                  + " until a new secret is set); extension ids "
                  + unreadable);
    }
    return users;
  }

  private SipUser userOf(SipCredential c) {
    return new SipUser(
        c.extensionId(),
        c.accountId(),
        c.user(),
        c.realm(),
        c.maxRegistrations(),
        credentials.ha1(c, SipDigest.SHA_256),
        credentials.ha1(c, SipDigest.MD5));
  }
}
