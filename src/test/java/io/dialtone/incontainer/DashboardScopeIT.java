package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountCounts;
import io.dialtone.account.control.AccountOverview;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.identity.control.SecurityOverview;
import io.dialtone.identity.control.SignInSeries;
import io.dialtone.identity.control.UserCounts;
import io.dialtone.identity.control.UserOverview;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards' read controls in Payara Micro on MariaDB (SECURITY.md F3): counts, lists and the
 * sign-in series of a reseller cover its own subtree only, and each read needs its permission. Each
 * test seeds two fresh tenants, so a reseller's figures are exact.
 */
@ExtendWith(ArquillianExtension.class)
public class DashboardScopeIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("identity");
  }

  @Inject AccountOverview accounts;
  @Inject UserOverview users;
  @Inject SecurityOverview security;
  @Inject SeededAccounts seeded;
  @Inject DashboardRows rows;

  @Test
  void aResellerCountsAndListsOnlyItsOwnCustomersAndTheirUsers() {
    Tenants t = seeded.tenants();
    long activeA1 = rows.user(t.a1(), "ACTIVE");
    rows.user(t.a1(), "DISABLED");
    rows.user(t.a2(), "PENDING");
    rows.user(t.b1(), "ACTIVE");
    rows.user(t.b1(), "ACTIVE");
    seeded.signInAs(Role.RESELLER_ADMIN, t.a());

    assertThat(accounts.counts()).isEqualTo(new AccountCounts(0, 0, 2, 0));
    assertThat(accounts.customers())
        .extracting(AccountView::id)
        .containsExactlyInAnyOrder(t.a1(), t.a2());
    assertThat(users.counts()).isEqualTo(new UserCounts(1, 1, 1));
    assertThat(users.countsPerAccount(List.of(t.a1(), t.a2(), t.b1(), t.b2())))
        .isEqualTo(Map.of(t.a1(), 2L, t.a2(), 1L));
    assertThat(users.usersOf(t.a1())).extracting(UserSummary::id).contains(activeA1).hasSize(2);
    assertThatThrownBy(() -> users.usersOf(t.b1())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> users.usersOf(Account.PLATFORM_ID)).isInstanceOf(AccessDenied.class);
  }

  @Test
  void thePlatformCountsEveryReseller() {
    Tenants t = seeded.tenants();
    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);

    AccountCounts counts = accounts.counts();

    assertThat(counts.resellers()).isGreaterThanOrEqualTo(2);
    assertThat(counts.customers()).isGreaterThanOrEqualTo(4);
    assertThat(accounts.customers())
        .extracting(AccountView::id)
        .contains(t.a1(), t.a2(), t.b1(), t.b2());
  }

  @Test
  void signInsAndSecurityEventsOfAResellerAreThoseOfItsSubtree() {
    Tenants t = seeded.tenants();
    String actor = "user:dash-" + UUID.randomUUID();
    rows.events(AuditAction.SIGN_IN_FAILED, actor, t.a1(), 2);
    rows.events(AuditAction.SIGN_IN_MFA, actor, t.a2(), 1);
    rows.events(AuditAction.SIGN_IN_FAILED, actor, t.b1(), 4);
    seeded.signInAs(Role.RESELLER_ADMIN, t.a());

    SignInSeries series = security.signInsPerDay(14);

    assertThat(series.days()).hasSize(14).endsWith(LocalDate.now(ZoneOffset.UTC));
    assertThat(series.failures().getLast()).isEqualTo(2);
    assertThat(series.successes().getLast()).isEqualTo(1);
    assertThat(series.totalFailures()).isEqualTo(2);
    List<AuditEntry> events = security.recentSecurityEvents(10);
    assertThat(events)
        .filteredOn(e -> actor.equals(e.getActor()))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.getAccountId()).isEqualTo(t.a1()));
    assertThat(events).allSatisfy(e -> assertThat(e.getAccountId()).isIn(t.a(), t.a1(), t.a2()));

    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(security.signInsPerDay(14).failures().getLast()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void eachReadNeedsItsPermission() {
    Tenants t = seeded.tenants();
    seeded.signInAs(Role.CUSTOMER_USER, t.a1());

    assertThatThrownBy(() -> accounts.counts()).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> accounts.customers()).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> users.counts()).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> users.usersOf(t.a1())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> security.recentSecurityEvents(10)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> security.signInsPerDay(14)).isInstanceOf(AccessDenied.class);

    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThatThrownBy(() -> accounts.customers()).isInstanceOf(AccessDenied.class);
    assertThat(users.usersOf(t.a1())).isEmpty();
    assertThatThrownBy(() -> users.usersOf(t.a2())).isInstanceOf(AccessDenied.class);
  }
}
