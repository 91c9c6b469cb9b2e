package io.dialtone.callpolicy.control;

import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Loads stored call policy and compiles it. Starts no transaction (STYLE.md 5): it runs in its
 * caller's, or reads without one when the SIP side asks outside any.
 *
 * <p>Extension range: two to six digits for every account until the extension component stores each
 * account's range.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallPolicyStore implements PolicySource {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountTree accounts;

  @Override
  public AccountPolicy load(long accountId) {
    String country =
        accounts.find(accountId).map(AccountView::country).orElse(AccountProfile.DEFAULT_COUNTRY);
    return PolicyCompiler.compile(
        accountId,
        country,
        ExtensionRange.DEFAULT,
        em.find(AccountCallPolicy.class, accountId),
        em.createNamedQuery(ExtensionCallPolicy.LIST_BY_ACCOUNT, ExtensionCallPolicy.class)
            .setParameter("accountId", accountId)
            .getResultList(),
        em.createNamedQuery(CallPolicyRule.LIST_BY_ACCOUNT, CallPolicyRule.class)
            .setParameter("accountId", accountId)
            .getResultList());
  }

  @Override
  public PlatformRanges platformRanges() {
    return PolicyCompiler.compile(
        em.createNamedQuery(PlatformBlockedRange.LIST_ALL, PlatformBlockedRange.class)
            .getResultList());
  }
}
