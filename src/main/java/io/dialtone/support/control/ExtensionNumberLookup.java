package io.dialtone.support.control;

import io.dialtone.account.control.CustomerDirectory;
import io.dialtone.extension.control.ExtensionDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Customers with a live extension of the typed number (2–6 digits). Many accounts share common
 * numbers such as 201: a bounded candidate list is narrowed to the caller's subtree.
 */
@ApplicationScoped
public class ExtensionNumberLookup implements CustomerLookup {

  /**
   * Candidates read before scoping; a reseller's own hits could fall outside it on huge platforms.
   */
  private static final int CANDIDATES = 2_000;

  @Inject ExtensionDirectory extensions;
  @Inject CustomerDirectory customers;

  @Override
  public List<CustomerHit> find(long rootId, String text, int limit) {
    List<Long> accounts = extensions.accountsWithNumber(text, CANDIDATES);
    return customers.among(rootId, accounts, limit).stream()
        .map(account -> CustomerHit.of(account, null))
        .toList();
  }
}
