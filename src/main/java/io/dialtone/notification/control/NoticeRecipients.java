package io.dialtone.notification.control;

import io.dialtone.kernel.entity.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a notice goes to, and in which language: implemented by the component that owns the users
 * ({@code identity}), which sits above this one. Only active users are recipients, each of the
 * account asked for, never of another tenant. Implementations check no permission (they serve
 * notices, never a page) and join the caller's transaction.
 */
public interface NoticeRecipients {

  /** The user {@code userId}, when active and of account {@code accountId}. */
  Optional<Recipient> activeUser(long accountId, long userId);

  /** The active users of account {@code accountId} who hold {@code role}. */
  List<Recipient> withRole(long accountId, Role role);

  /** The active customer administrators of account {@code accountId}. */
  default List<Recipient> accountAdministrators(long accountId) {
    return withRole(accountId, Role.CUSTOMER_ADMIN);
  }

  /** The language of {@code userId}'s notices (English when they chose none). */
  Locale localeOf(long userId);
}
