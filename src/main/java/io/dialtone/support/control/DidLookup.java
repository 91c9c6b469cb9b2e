package io.dialtone.support.control;

import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.CustomerDirectory;
import io.dialtone.did.control.DidDirectory;
import io.dialtone.did.control.DidNumbers;
import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The customer holding a DID, typed in E.164 ({@code +1 613 555 0123}) or in the national format of
 * the searching caller's account's country ({@code (613) 555-0123}), narrowed to the caller's
 * subtree like every lookup (a reseller finds only its own customers).
 */
@ApplicationScoped
public class DidLookup implements CustomerLookup {

  @Inject DidDirectory dids;
  @Inject CustomerDirectory customers;

  @Override
  public List<CustomerHit> find(long rootId, String text, int limit) {
    String country =
        customers.find(rootId).map(AccountView::country).orElse(AccountProfile.DEFAULT_COUNTRY);
    E164Number number = DidNumbers.parseOrNull(text, country);
    if (number == null) {
      return List.of();
    }
    return customers.among(rootId, dids.accountsWithNumber(number), limit).stream()
        .map(account -> CustomerHit.of(account, null))
        .toList();
  }
}
