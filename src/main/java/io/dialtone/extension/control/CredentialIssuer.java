package io.dialtone.extension.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.sip.control.SipDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes SIP secrets (SECURITY.md D6) with {@link SipSecrets}: more than 128 random bits, 22
 * base64url characters (typed into no phone by hand: provisioned), never chosen by a person. Stores
 * only the two HA1 values, each AES-GCM encrypted with the data key. Also names an account's realm
 * ({@link SipDomain}) from the configured base domain.
 */
@ApplicationScoped
public class CredentialIssuer {

  /** The provider's SIP base domain; realms are {@code <account number>.sip.<this>}. */
  public static final String BASE_DOMAIN = "dialtone.sip.base-domain";

  @Inject DataCipher cipher;
  @Inject AccountTree accounts;

  @Inject
  @ConfigProperty(name = BASE_DOMAIN, defaultValue = "dialtone.invalid")
  String baseDomain;

  /** The realm of an account (its SIP domain). */
  public SipDomain realmOf(long accountId) {
    AccountView account = accounts.find(accountId).orElseThrow();
    return SipDomain.of(account.accountNumber(), baseDomain);
  }

  /**
   * Gives {@code extension} a fresh secret; returns it for showing once (extension id 0 while the
   * extension is not persisted yet).
   */
  public NewSipSecret issue(Extension extension, Instant now) {
    String secret = SipSecrets.newSecret();
    String user = extension.getNumber().digits();
    String realm = extension.getRealm().value();
    extension.replaceCredential(
        cipher.encrypt(SipDigest.SHA_256.ha1(user, realm, secret)),
        cipher.encrypt(SipDigest.MD5.ha1(user, realm, secret)),
        now);
    return new NewSipSecret(
        extension.getId() == null ? 0L : extension.getId(), user, realm, secret);
  }

  /** Decrypts a stored HA1 value (for the registrar). */
  public String decrypt(String encryptedHa1) {
    return cipher.decrypt(encryptedHa1);
  }
}
