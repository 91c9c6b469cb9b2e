package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.entity.Account;
import io.dialtone.identity.control.LastPlatformAdministrator;
import io.dialtone.identity.control.UserManagement;
import io.dialtone.identity.entity.User;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UserManagement in Payara Micro on MariaDB (SECURITY.md F1–F3, C5): with two resellers of two
 * customers each, every read and write of another tenant's users by id is refused and changes
 * nothing; roles beyond what the caller may grant are refused; the last platform administrator
 * stays.
 */
@ExtendWith(ArquillianExtension.class)
public class UserManagementScopeIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("identity");
  }

  @Inject UserManagement management;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;

  @Test
  void everyUseCaseOnAnotherTenantsUserIsRefusedAndChangesNothing() {
    Tenants t = accounts.tenants();
    Seeded victim = users.user(Role.CUSTOMER_ADMIN, t.b1());
    String before = users.snapshot(victim.id());
    for (long callerAccount : new long[] {t.a(), t.a1()}) {
      Role role = callerAccount == t.a() ? Role.RESELLER_ADMIN : Role.CUSTOMER_ADMIN;
      accounts.signInAs(role, callerAccount);
      List<ThrowingCallable> attempts =
          List.of(
              () -> management.usersOf(t.b1()),
              () -> management.grantableIn(t.b1()),
              () -> management.get(victim.id()),
              () -> management.edit(victim.id(), "Renamed", Set.of(Role.CUSTOMER_USER)),
              () -> management.disable(victim.id()),
              () -> management.enable(victim.id()),
              () -> management.resetMfa(victim.id()),
              () -> management.resendInvitation(victim.id()),
              () ->
                  management.invite(
                      t.b1(), users.unknownEmail(), null, Set.of(Role.CUSTOMER_USER)));
      for (ThrowingCallable attempt : attempts) {
        assertThatThrownBy(attempt).as(role.name()).isInstanceOf(AccessDenied.class);
      }
    }
    assertThat(users.snapshot(victim.id())).isEqualTo(before);
  }

  @Test
  void rolesBeyondWhatTheCallerMayGrantAreRefused() {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(management.grantableIn(t.a1()))
        .containsExactlyInAnyOrder(Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);
    String email = users.unknownEmail();
    assertThatThrownBy(() -> management.invite(t.a1(), email, null, Set.of(Role.RESELLER_ADMIN)))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.invite(t.a1(), email, null, Set.of()))
        .isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(management.grantableIn(t.a())).containsExactly(Role.RESELLER_ADMIN);
    assertThatThrownBy(() -> management.invite(t.a1(), email, null, Set.of(Role.PLATFORM_ADMIN)))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.usersOf(Account.PLATFORM_ID))
        .isInstanceOf(AccessDenied.class);
    assertThat(users.countWithEmail(email)).isZero();
  }

  @Test
  void staffAreInvitedOnlyByPlatformAdministrators() throws Exception {
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(management.grantableIn(Account.PLATFORM_ID))
        .containsExactlyInAnyOrder(Role.PLATFORM_ADMIN, Role.SUPPORT_AGENT);
    String email = users.unknownEmail();
    User agent = management.invite(Account.PLATFORM_ID, email, "Agent", Set.of(Role.SUPPORT_AGENT));
    assertThat(users.snapshot(agent.getId())).startsWith("PENDING SUPPORT_AGENT");

    accounts.signInAs(Role.SUPPORT_AGENT, Account.PLATFORM_ID);
    assertThatThrownBy(() -> management.usersOf(Account.PLATFORM_ID))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void disablingEndsSessionsButNobodyDisablesThemselvesOrTheLastPlatformAdministrator() {
    Tenants t = accounts.tenants();
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(management.disable(member.id())).isTrue();
    assertThat(users.snapshot(member.id())).isEqualTo("DISABLED CUSTOMER_USER 1 0");
    assertThat(management.disable(member.id())).isFalse();
    assertThat(management.enable(member.id())).isTrue();
    assertThat(users.snapshot(member.id())).isEqualTo("ACTIVE CUSTOMER_USER 1 0");

    users.retireAdministrators();
    Seeded lastAdmin = users.user(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThatThrownBy(() -> management.disable(lastAdmin.id()))
        .isInstanceOf(LastPlatformAdministrator.class);
    assertThatThrownBy(
            () -> management.edit(lastAdmin.id(), "Still here", Set.of(Role.SUPPORT_AGENT)))
        .isInstanceOf(LastPlatformAdministrator.class);
    assertThat(users.snapshot(lastAdmin.id())).isEqualTo("ACTIVE PLATFORM_ADMIN 0 0");
  }
}
