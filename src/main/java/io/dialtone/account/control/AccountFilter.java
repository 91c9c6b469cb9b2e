package io.dialtone.account.control;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filters of the account list; a {@code null} filter matches everything. The name filter
 * matches a part of the name or of the account number, ignoring case.
 */
public record AccountFilter(AccountKind kind, AccountStatus status, String name)
    implements Predicate<AccountView> {

  public static final AccountFilter ALL = new AccountFilter(null, null, null);

  @Override
  public boolean test(AccountView account) {
    return (kind == null || account.kind() == kind)
        && (status == null || account.status() == status)
        && (name == null
            || name.isBlank()
            || contains(account.name())
            || contains(account.accountNumber()));
  }

  private boolean contains(String text) {
    return text != null
        && text.toLowerCase(Locale.ROOT).contains(name.strip().toLowerCase(Locale.ROOT));
  }
}
