package io.dialtone.kernel.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SECURITY.md F1: the role × permission matrix equals the declared allow list, cell by cell. */
class RolePermissionsTest {

  /** The declared table: role → what it may do. Everything else must be refused. */
  private static final Map<Role, Set<String>> ALLOWED =
      Map.of(
          Role.CUSTOMER_USER,
              Set.of(
                  "VIEW_OWN_PROFILE",
                  "MANAGE_OWN_CREDENTIALS",
                  "VIEW_OWN_EXTENSION",
                  "SET_OWN_VOICEMAIL_PIN",
                  "VIEW_CDRS",
                  "EXPORT_CDRS"),
          Role.CUSTOMER_ADMIN,
              Set.of(
                  "VIEW_OWN_PROFILE",
                  "MANAGE_OWN_CREDENTIALS",
                  "VIEW_ACCOUNTS",
                  "MANAGE_ACCOUNT_PROFILE",
                  "MANAGE_USERS",
                  "RESET_USER_MFA",
                  "VIEW_AUDIT",
                  "MANAGE_EXTENSIONS",
                  "VIEW_OWN_EXTENSION",
                  "REVEAL_SIP_SECRET",
                  "SET_OWN_VOICEMAIL_PIN",
                  "RESET_VOICEMAIL_PIN",
                  "MANAGE_CALL_POLICY",
                  "TEST_CALL_POLICY",
                  "MANAGE_USAGE_LIMITS",
                  "VIEW_CDRS",
                  "EXPORT_CDRS"),
          Role.RESELLER_ADMIN,
              Set.of(
                  "VIEW_OWN_PROFILE",
                  "MANAGE_OWN_CREDENTIALS",
                  "VIEW_ACCOUNTS",
                  "MANAGE_CUSTOMERS",
                  "MANAGE_ACCOUNT_PROFILE",
                  "MANAGE_USERS",
                  "RESET_USER_MFA",
                  "IMPERSONATE",
                  "VIEW_AUDIT",
                  "TEST_CALL_POLICY",
                  "APPROVE_LIMIT_REQUESTS",
                  "VIEW_CDRS",
                  "EXPORT_CDRS"),
          Role.SUPPORT_AGENT,
              Set.of(
                  "VIEW_OWN_PROFILE",
                  "MANAGE_OWN_CREDENTIALS",
                  "VIEW_ACCOUNTS",
                  "SEARCH_CUSTOMERS",
                  "IMPERSONATE",
                  "TEST_CALL_POLICY",
                  "VIEW_CDRS",
                  "EXPORT_CDRS"),
          Role.PLATFORM_ADMIN,
              Set.of(
                  "VIEW_OWN_PROFILE",
                  "MANAGE_OWN_CREDENTIALS",
                  "VIEW_ACCOUNTS",
                  "MANAGE_RESELLERS",
                  "MANAGE_CUSTOMERS",
                  "MANAGE_ACCOUNT_PROFILE",
                  "MANAGE_USERS",
                  "RESET_USER_MFA",
                  "MANAGE_STAFF",
                  "SEARCH_CUSTOMERS",
                  "VIEW_AUDIT",
                  "VERIFY_AUDIT_CHAIN",
                  "TEST_CALL_POLICY",
                  "MANAGE_PLATFORM_RANGES",
                  "APPROVE_LIMIT_REQUESTS",
                  "VIEW_CDRS",
                  "EXPORT_CDRS",
                  "MANAGE_RATE_DECK",
                  // SIP registrar: the bans page.
                  "MANAGE_SIP_BANS",
                  // carrier trunks
                  "MANAGE_TRUNKS",
                  // the data keys page
                  "MANAGE_DATA_KEYS"));

  @Test
  void everyCellOfTheMatrixIsAsDeclared() {
    for (Role role : Role.values()) {
      for (Permission permission : Permission.values()) {
        assertThat(RolePermissions.grants(List.of(role), permission))
            .as("%s may %s", role, permission)
            .isEqualTo(
                ALLOWED.get(role).contains(permission.name())
                    || ALLOWED_DIDS.get(role).contains(permission.name()));
      }
    }
  }

  @Test
  void noRolesGrantNothing() {
    assertThat(RolePermissions.of(List.of())).isEmpty();
    for (Permission permission : Permission.values()) {
      assertThat(RolePermissions.grants(List.of(), permission)).isFalse();
    }
  }

  @Test
  void severalRolesGrantTheUnion() {
    assertThat(RolePermissions.of(List.of(Role.CUSTOMER_USER, Role.SUPPORT_AGENT)))
        .containsExactlyInAnyOrder(
            Permission.VIEW_OWN_PROFILE,
            Permission.MANAGE_OWN_CREDENTIALS,
            Permission.VIEW_ACCOUNTS,
            Permission.SEARCH_CUSTOMERS,
            Permission.IMPERSONATE,
            Permission.VIEW_OWN_EXTENSION,
            Permission.SET_OWN_VOICEMAIL_PIN,
            Permission.TEST_CALL_POLICY,
            Permission.VIEW_CDRS,
            Permission.EXPORT_CDRS);
  }

  // dids (DID inventory, assignment and routing): the declared table's DID cells
  private static final Map<Role, Set<String>> ALLOWED_DIDS =
      Map.of(
          Role.CUSTOMER_USER, Set.of(),
          Role.CUSTOMER_ADMIN, Set.of("ROUTE_DIDS"),
          Role.RESELLER_ADMIN, Set.of("ASSIGN_DIDS"),
          Role.SUPPORT_AGENT, Set.of(),
          Role.PLATFORM_ADMIN, Set.of("MANAGE_DID_INVENTORY", "ASSIGN_DIDS"));

  @Test
  void didRoutingStaysWhileImpersonatingAndNobodyElseGetsDidPermissions() {
    assertThat(RolePermissions.of(List.of(Role.CUSTOMER_USER, Role.SUPPORT_AGENT)))
        .doesNotContain(
            Permission.MANAGE_DID_INVENTORY, Permission.ASSIGN_DIDS, Permission.ROUTE_DIDS);
    SignedInUser agent =
        new SignedInUser(
            7,
            "a@example.test",
            "Agent",
            1L,
            java.util.Set.of(Role.SUPPORT_AGENT),
            java.time.Instant.now(),
            0,
            null);
    SignedInUser acting =
        new SignedInUser(
            7,
            "a@example.test",
            "Agent",
            42L,
            java.util.Set.of(Role.CUSTOMER_ADMIN),
            java.time.Instant.now(),
            0,
            new Impersonation(
                agent,
                "Customer",
                "T-1",
                java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(600)));
    assertThat(acting.permissions()).contains(Permission.ROUTE_DIDS);
  }
}
