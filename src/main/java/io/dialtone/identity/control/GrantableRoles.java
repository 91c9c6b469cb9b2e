package io.dialtone.identity.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles a caller may give to a user of an account: only roles within what the inviter may
 * grant. A role belongs to one kind of account — platform staff to the platform account, reseller
 * administrators to resellers, customer roles to customers — and staff roles need {@link
 * Permission#MANAGE_STAFF} on top of {@link Permission#MANAGE_USERS}. Whether the account is in the
 * caller's scope is checked separately.
 */
public final class GrantableRoles {

  private GrantableRoles() {}

  /** The roles a user of an account of {@code kind} may hold. */
  public static Set<Role> fitting(AccountKind kind) {
    return switch (kind) {
      case PLATFORM -> EnumSet.of(Role.PLATFORM_ADMIN, Role.SUPPORT_AGENT);
      case RESELLER -> EnumSet.of(Role.RESELLER_ADMIN);
      case CUSTOMER -> EnumSet.of(Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);
    };
  }

  /** The roles a caller with {@code permissions} may grant in an account of {@code kind}. */
  public static Set<Role> grantable(Set<Permission> permissions, AccountKind kind) {
    if (!permissions.contains(Permission.MANAGE_USERS)) {
      return EnumSet.noneOf(Role.class);
    }
    if (kind == AccountKind.PLATFORM && !permissions.contains(Permission.MANAGE_STAFF)) {
      return EnumSet.noneOf(Role.class);
    }
    return fitting(kind);
  }

  /** Whether {@code wanted} is a non-empty set the caller may grant in such an account. */
  public static boolean allows(Set<Permission> permissions, AccountKind kind, Set<Role> wanted) {
    return !wanted.isEmpty() && grantable(permissions, kind).containsAll(wanted);
  }
}
