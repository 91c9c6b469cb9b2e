package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filters of the account list; a {@code null} filter matches everything. The name filter
 * matches a part of the name or of the account number, ignoring case.
 */
public record AccountFilter(AccountKind kind, AccountStatus status, String name)
    implements Predicate<Account> {

  public static final AccountFilter ALL = new AccountFilter(null, null, null);

  @Override
  public boolean test(Account account) {
    return (kind == null || account.getKind() == kind)
        && (status == null || account.getStatus() == status)
        && (name == null
            || name.isBlank()
            || contains(account.getName())
            || contains(account.getAccountNumber()));
  }

  private boolean contains(String text) {
    return text != null
        && text.toLowerCase(Locale.ROOT).contains(name.strip().toLowerCase(Locale.ROOT));
  }
}
