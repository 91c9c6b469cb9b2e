package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountFilter;
import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.CapsExceedParent;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AccountManagement in Payara Micro on MariaDB: the platform administrator's use cases and the
 * scope rules of every caller (SECURITY.md F1–F3), each test with two fresh tenants.
 */
@ExtendWith(ArquillianExtension.class)
public class AccountManagementScopeIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("account");
  }

  @Inject AccountManagement management;
  @Inject AccountTree tree;
  @Inject SeededAccounts accounts;
  @Inject AuditQuery audit;

  @Test
  void aPlatformAdminCreatesAResellerWithANumberAndAnAuditRow() {
    String actor = accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);

    AccountView reseller =
        management.createReseller(
            new AccountProfile("Northwind", "US", "America/Chicago", "fr", null, "USD"),
            new UsageCaps(new BigDecimal("500.00"), null, null, 20));

    assertThat(reseller.kind()).isEqualTo(AccountKind.RESELLER);
    assertThat(reseller.parentId()).isEqualTo(Account.PLATFORM_ID);
    assertThat(reseller.accountNumber()).matches("R-\\d{6}");
    assertThat(audit.recentForActor(actor, AuditQuery.MAX_RESULTS))
        .anySatisfy(
            e -> {
              assertThat(e.getAction()).isEqualTo(AuditAction.ACCOUNT_CREATED);
              assertThat(e.getTarget()).isEqualTo("account:" + reseller.id());
            });
  }

  @Test
  void aPlatformAdminCreatesACustomerBelowAChosenResellerWithinItsCaps() {
    Tenants t = accounts.tenants();
    accounts.setCaps(t.b(), "100.00", null);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);

    assertThatThrownBy(
            () ->
                management.createCustomer(
                    t.b(), AccountProfile.defaults("Too big"), UsageCaps.NONE))
        .isInstanceOf(CapsExceedParent.class);
    AccountView customer =
        management.createCustomer(
            t.b(),
            AccountProfile.defaults("Fits"),
            new UsageCaps(new BigDecimal("99.99"), null, null, null));

    assertThat(customer.parentId()).isEqualTo(t.b());
    assertThat(customer.accountNumber()).matches("C-\\d{6}");
    assertThatThrownBy(
            () -> management.createCustomer(t.b1(), AccountProfile.defaults("x"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void aResellerAdminManagesOnlyItsOwnCustomers() {
    Tenants t = accounts.tenants();
    long before = accounts.accountCount();
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());

    assertThatThrownBy(
            () -> management.createReseller(AccountProfile.defaults("x"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(
            () -> management.createCustomer(t.b(), AccountProfile.defaults("x"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(
            () -> management.edit(t.b1(), AccountProfile.defaults("Hijacked"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.suspend(t.b1())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.suspend(t.a())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.edit(t.a(), AccountProfile.defaults("Me"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.get(Account.PLATFORM_ID)).isInstanceOf(AccessDenied.class);

    assertThat(accounts.accountCount()).isEqualTo(before);
    assertThat(accounts.name(t.b1())).startsWith("Customer B1");
    assertThat(accounts.status(t.b1())).isEqualTo("ACTIVE");
    assertThat(management.list(AccountFilter.ALL))
        .extracting(AccountView::id)
        .containsExactlyInAnyOrder(t.a1(), t.a2());
  }

  @Test
  void customerCapsStayWithinTheResellersCaps() {
    Tenants t = accounts.tenants();
    accounts.setCaps(t.a(), "50.00", 5);
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());

    assertThatThrownBy(
            () ->
                management.edit(
                    t.a1(),
                    AccountProfile.defaults("A1"),
                    new UsageCaps(new BigDecimal("50.01"), null, null, 5)))
        .isInstanceOf(CapsExceedParent.class)
        .extracting(e -> ((CapsExceedParent) e).caps())
        .asList()
        .containsExactly("dailySpend");
    assertThat(accounts.name(t.a1())).startsWith("Customer A1");

    management.edit(
        t.a1(), AccountProfile.defaults("A1"), new UsageCaps(new BigDecimal("50"), null, 100, 5));
    assertThat(accounts.name(t.a1())).isEqualTo("A1");
  }

  @Test
  void suspendingAResellerDeactivatesItsWholeSubtreeUntilReactivated() {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);

    assertThat(management.suspend(t.a())).isTrue();
    assertThat(management.suspend(t.a())).isFalse();
    assertThat(tree.isActiveWithAncestors(t.a1())).isFalse();
    assertThat(tree.isActiveWithAncestors(t.b1())).isTrue();

    assertThat(management.reactivate(t.a())).isTrue();
    assertThat(tree.isActiveWithAncestors(t.a1())).isTrue();
    assertThatThrownBy(() -> management.suspend(Account.PLATFORM_ID))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void aCustomerAdminEditsOnlyTheirOwnProfile() {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());

    management.editOwnProfile(
        new AccountProfile("Own Co", "FR", "Europe/Paris", "fr", "b@own.example", "EUR"));

    assertThat(accounts.name(t.a1())).isEqualTo("Own Co");
    assertThatThrownBy(() -> management.edit(t.a1(), AccountProfile.defaults("x"), UsageCaps.NONE))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.list(AccountFilter.ALL)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> management.suspend(t.a2())).isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.CUSTOMER_USER, t.a2());
    assertThatThrownBy(() -> management.editOwnProfile(AccountProfile.defaults("x")))
        .isInstanceOf(AccessDenied.class);
  }
}
