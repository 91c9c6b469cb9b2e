package io.dialtone.support.control;

import io.dialtone.account.control.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Customers by a part of their name, or by their exact account number. */
@ApplicationScoped
public class AccountNameLookup implements CustomerLookup {

  @Inject CustomerDirectory customers;

  @Override
  public List<CustomerHit> find(long rootId, String text, int limit) {
    return customers.byNameOrNumber(rootId, text, limit).stream()
        .map(account -> CustomerHit.of(account, null))
        .toList();
  }
}
