package io.dialtone.kernel.control;

import static io.dialtone.kernel.entity.Permission.APPROVE_LIMIT_REQUESTS;
import static io.dialtone.kernel.entity.Permission.EXPORT_CDRS;
import static io.dialtone.kernel.entity.Permission.IMPERSONATE;
import static io.dialtone.kernel.entity.Permission.MANAGE_ACCOUNT_PROFILE;
import static io.dialtone.kernel.entity.Permission.MANAGE_CALL_POLICY;
import static io.dialtone.kernel.entity.Permission.MANAGE_CUSTOMERS;
import static io.dialtone.kernel.entity.Permission.MANAGE_EXTENSIONS;
import static io.dialtone.kernel.entity.Permission.MANAGE_OWN_CREDENTIALS;
import static io.dialtone.kernel.entity.Permission.MANAGE_PLATFORM_RANGES;
import static io.dialtone.kernel.entity.Permission.MANAGE_RATE_DECK;
import static io.dialtone.kernel.entity.Permission.MANAGE_RESELLERS;
import static io.dialtone.kernel.entity.Permission.MANAGE_STAFF;
import static io.dialtone.kernel.entity.Permission.MANAGE_USAGE_LIMITS;
import static io.dialtone.kernel.entity.Permission.MANAGE_USERS;
import static io.dialtone.kernel.entity.Permission.RESET_USER_MFA;
import static io.dialtone.kernel.entity.Permission.RESET_VOICEMAIL_PIN;
import static io.dialtone.kernel.entity.Permission.REVEAL_SIP_SECRET;
import static io.dialtone.kernel.entity.Permission.SEARCH_CUSTOMERS;
import static io.dialtone.kernel.entity.Permission.SET_OWN_VOICEMAIL_PIN;
import static io.dialtone.kernel.entity.Permission.TEST_CALL_POLICY;
import static io.dialtone.kernel.entity.Permission.VERIFY_AUDIT_CHAIN;
import static io.dialtone.kernel.entity.Permission.VIEW_ACCOUNTS;
import static io.dialtone.kernel.entity.Permission.VIEW_AUDIT;
import static io.dialtone.kernel.entity.Permission.VIEW_CDRS;
import static io.dialtone.kernel.entity.Permission.VIEW_OWN_EXTENSION;
import static io.dialtone.kernel.entity.Permission.VIEW_OWN_PROFILE;

import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which role grants which permission (deny by default: a permission not
 * listed for any of the caller's roles is refused). Where a permission applies — which accounts —
 * is the caller's scope, checked separately by {@link AccessControl}.
 */
public final class RolePermissions {

  private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

  static {
    GRANTS.put(
        Role.CUSTOMER_USER,
        EnumSet.of(
            VIEW_OWN_PROFILE,
            MANAGE_OWN_CREDENTIALS,
            VIEW_OWN_EXTENSION,
            SET_OWN_VOICEMAIL_PIN,
            VIEW_CDRS,
            EXPORT_CDRS));
    GRANTS.put(
        Role.CUSTOMER_ADMIN,
        EnumSet.of(
            VIEW_OWN_PROFILE,
            MANAGE_OWN_CREDENTIALS,
            VIEW_ACCOUNTS,
            MANAGE_ACCOUNT_PROFILE,
            MANAGE_USERS,
            RESET_USER_MFA,
            VIEW_AUDIT,
            MANAGE_EXTENSIONS,
            VIEW_OWN_EXTENSION,
            REVEAL_SIP_SECRET,
            SET_OWN_VOICEMAIL_PIN,
            RESET_VOICEMAIL_PIN,
            MANAGE_CALL_POLICY,
            TEST_CALL_POLICY,
            MANAGE_USAGE_LIMITS,
            VIEW_CDRS,
            EXPORT_CDRS));
    GRANTS.put(
        Role.RESELLER_ADMIN,
        EnumSet.of(
            VIEW_OWN_PROFILE,
            MANAGE_OWN_CREDENTIALS,
            VIEW_ACCOUNTS,
            MANAGE_CUSTOMERS,
            MANAGE_ACCOUNT_PROFILE,
            MANAGE_USERS,
            RESET_USER_MFA,
            IMPERSONATE,
            VIEW_AUDIT,
            TEST_CALL_POLICY,
            APPROVE_LIMIT_REQUESTS,
            VIEW_CDRS,
            EXPORT_CDRS));
    GRANTS.put(
        Role.SUPPORT_AGENT,
        EnumSet.of(
            VIEW_OWN_PROFILE,
            MANAGE_OWN_CREDENTIALS,
            VIEW_ACCOUNTS,
            SEARCH_CUSTOMERS,
            IMPERSONATE,
            TEST_CALL_POLICY,
            VIEW_CDRS,
            EXPORT_CDRS));
    GRANTS.put(
        Role.PLATFORM_ADMIN,
        EnumSet.of(
            VIEW_OWN_PROFILE,
            MANAGE_OWN_CREDENTIALS,
            VIEW_ACCOUNTS,
            MANAGE_RESELLERS,
            MANAGE_CUSTOMERS,
            MANAGE_ACCOUNT_PROFILE,
            MANAGE_USERS,
            RESET_USER_MFA,
            MANAGE_STAFF,
            SEARCH_CUSTOMERS,
            VIEW_AUDIT,
            VERIFY_AUDIT_CHAIN,
            TEST_CALL_POLICY,
            MANAGE_PLATFORM_RANGES,
            APPROVE_LIMIT_REQUESTS,
            VIEW_CDRS,
            EXPORT_CDRS,
            MANAGE_RATE_DECK));
    // dids (DID inventory, assignment and routing)
    GRANTS.get(Role.PLATFORM_ADMIN).add(Permission.MANAGE_DID_INVENTORY);
    GRANTS.get(Role.PLATFORM_ADMIN).add(Permission.ASSIGN_DIDS);
    GRANTS.get(Role.RESELLER_ADMIN).add(Permission.ASSIGN_DIDS);
    GRANTS.get(Role.CUSTOMER_ADMIN).add(Permission.ROUTE_DIDS);
    // SIP registrar: platform administrators see the bans and lift them.
    GRANTS.get(Role.PLATFORM_ADMIN).add(Permission.MANAGE_SIP_BANS);
    // carrier trunks: platform administrators only.
    GRANTS.get(Role.PLATFORM_ADMIN).add(Permission.MANAGE_TRUNKS);
    // data keys: platform administrators rotate and retire them.
    GRANTS.get(Role.PLATFORM_ADMIN).add(Permission.MANAGE_DATA_KEYS);
  }

  private RolePermissions() {}

  /** Whether any of {@code roles} grants {@code permission}. */
  public static boolean grants(Collection<Role> roles, Permission permission) {
    return roles.stream().anyMatch(role -> GRANTS.get(role).contains(permission));
  }

  /** Everything {@code roles} grant together. */
  public static Set<Permission> of(Collection<Role> roles) {
    Set<Permission> all = EnumSet.noneOf(Permission.class);
    roles.forEach(role -> all.addAll(GRANTS.get(role)));
    return all;
  }
}
