package io.dialtone.support.control;

import io.dialtone.account.control.AccountView;
import java.io.Serializable;

/**
 * A customer account the support search found.
 *
 * @param matchedEmail the user e-mail that matched, or {@code null} when the account itself did
 */
public record CustomerHit(
    long accountId, String name, String number, boolean active, String matchedEmail)
    implements Serializable {

  static CustomerHit of(AccountView account, String matchedEmail) {
    return new CustomerHit(
        account.id(), account.name(), account.accountNumber(), account.active(), matchedEmail);
  }
}
