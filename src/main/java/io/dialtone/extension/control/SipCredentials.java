package io.dialtone.extension.control;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.sip.control.CredentialSource;
import io.dialtone.sip.control.SipCredential;
import io.dialtone.sip.control.SipCredentialsChanged;
import io.dialtone.sip.control.SipDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's credentials: the extension {@code user} of the account whose domain is {@code
 * realm}. Starts no transaction. A registrar caching the answers drops an entry when it observes
 * {@link SipCredentialsChanged} (regenerated, disabled, enabled, deleted).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SipCredentials implements CredentialSource {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject CredentialIssuer issuer;

  @Override
  public Optional<SipCredential> find(SipDomain realm, ExtensionNumber user) {
    if (realm == null || user == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(Extension.FIND_BY_REALM_AND_USER, Extension.class)
        .setParameter("realm", realm)
        .setParameter("number", user)
        .getResultStream()
        .findFirst()
        .map(SipCredentials::credentialOf);
  }

  @Override
  public List<SipCredential> allActive() {
    return em.createQuery("SELECT e FROM Extension e WHERE e.status = :status", Extension.class)
        .setParameter("status", ExtensionStatus.ACTIVE)
        .getResultStream()
        .map(SipCredentials::credentialOf)
        .toList();
  }

  private static SipCredential credentialOf(Extension e) {
    return new SipCredential(
        e.getId(),
        e.getAccountId(),
        e.getRealm(),
        e.getNumber(),
        e.getHa1Sha256(),
        e.getHa1Md5(),
        e.getStatus() == ExtensionStatus.ACTIVE,
        e.getMaxRegistrations());
  }

  /** Decrypts a credential's HA1 (no database: no transaction of its own, on every INVITE). */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String ha1(SipCredential credential, SipDigest algorithm) {
    return issuer.decrypt(
        algorithm == SipDigest.SHA_256
            ? credential.encryptedHa1Sha256()
            : credential.encryptedHa1Md5());
  }
}
