package io.dialtone.support.control;

import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.CustomerDirectory;
import io.dialtone.identity.control.UserLookup;
import io.dialtone.identity.control.UserLookup.EmailMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Customers whose users' e-mail addresses start with the text (only when it holds an @). */
@ApplicationScoped
public class UserEmailLookup implements CustomerLookup {

  @Inject UserLookup users;
  @Inject CustomerDirectory customers;

  @Override
  public List<CustomerHit> find(long rootId, String text, int limit) {
    if (!text.contains("@")) {
      return List.of();
    }
    Map<Long, String> emailByAccount =
        users.byEmailPrefix(text, limit).stream()
            .collect(
                Collectors.toMap(
                    EmailMatch::accountId, EmailMatch::email, (first, second) -> first));
    List<AccountView> found = customers.among(rootId, emailByAccount.keySet(), limit);
    return found.stream()
        .map(account -> CustomerHit.of(account, emailByAccount.get(account.id())))
        .toList();
  }
}
