package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.account.entity.Account;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.control.NoticeCentre;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.usage.control.ActiveCalls;
import io.dialtone.usage.control.LimitRequests;
import io.dialtone.usage.control.PendingRequest;
import io.dialtone.usage.control.UsageMeter;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.UsageCap;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Self-service notices and caps in Payara Micro on MariaDB (SECURITY.md E3, E4, F2, F3): a limit
 * request reaches the notice centre of the administrators who decide it, in their language, and of
 * nobody else; the pending list holds only the approver's subtree; a user sees and marks read only
 * their own notices (another's refused, audited, unchanged); the concurrent-call cap alerts at 80 %
 * and 100 % once a day; a cap changed on the account page decides the next call at once.
 */
@ExtendWith(ArquillianExtension.class)
public class SelfServiceIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("usage", "identity");
  }

  @Inject LimitRequests requests;
  @Inject NoticeCentre centre;
  @Inject ActiveCalls active;
  @Inject UsageMeter meter;
  @Inject AccountManagement management;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject ExtensionRows sessions;
  @Inject UsageRows usage;
  @Inject SelfServiceRows rows;

  @Test
  void aLimitRequestIsToldToItsDecidersInTheirLanguageAndToNobodyElse() {
    Tenants t = accounts.tenants();
    Seeded resellerAdmin = users.user(Role.RESELLER_ADMIN, t.a());
    Seeded frenchResellerAdmin = users.user(Role.RESELLER_ADMIN, t.a());
    rows.setLocale(frenchResellerAdmin.id(), "fr");
    Seeded otherReseller = users.user(Role.RESELLER_ADMIN, t.b());
    Seeded customerAdmin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded platformAdmin = users.user(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    usage.grant(t.a1(), "50.00", null, null);
    String name = accounts.name(t.a1());

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    LimitRequest asked =
        requests.request(t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("90.00"), "Fair", null);

    assertThat(rows.notices(resellerAdmin.id(), "LIMIT_REQUEST_RECEIVED"))
        .containsExactly("Dialtone: limit request from " + name);
    assertThat(rows.notices(frenchResellerAdmin.id(), "LIMIT_REQUEST_RECEIVED"))
        .containsExactly("Dialtone : demande de plafond de " + name);
    assertThat(rows.notices(otherReseller.id(), "LIMIT_REQUEST_RECEIVED")).isEmpty();
    assertThat(rows.notices(customerAdmin.id(), "LIMIT_REQUEST_RECEIVED")).isEmpty();
    assertThat(rows.notices(platformAdmin.id(), "LIMIT_REQUEST_RECEIVED")).isEmpty();

    // The reseller's list (selected in SQL by its subtree) has it; the other reseller's has not.
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(requests.pending()).extracting(p -> p.request().getId()).contains(asked.getId());
    assertThat(requests.pending())
        .extracting(p -> p.request().getAccountId())
        .allMatch(id -> id == t.a1() || id == t.a2());
    accounts.signInAs(Role.RESELLER_ADMIN, t.b());
    assertThat(requests.pending())
        .extracting(PendingRequest::accountName)
        .doesNotContain(name, accounts.name(t.a2()));

    // A customer straight below the platform: its request goes to the platform administrators.
    long direct = rows.directCustomer();
    usage.grant(direct, null, null, 100);
    accounts.signInAs(Role.CUSTOMER_ADMIN, direct);
    LimitRequest directAsk =
        requests.request(direct, UsageCap.MONTHLY_MINUTES, new BigDecimal("500"), "More", null);
    assertThat(rows.notices(platformAdmin.id(), "LIMIT_REQUEST_RECEIVED"))
        .containsExactly("Dialtone: limit request from " + accounts.name(direct));
    assertThat(rows.notices(resellerAdmin.id(), "LIMIT_REQUEST_RECEIVED")).hasSize(1);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(requests.pending())
        .extracting(p -> p.request().getId())
        .contains(asked.getId(), directAsk.getId());

    // The decision reaches the customer's administrator's notice centre too.
    requests.refuse(directAsk.getId(), null);
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    requests.approve(asked.getId(), "Fine");
    assertThat(rows.notices(customerAdmin.id(), "LIMIT_REQUEST_APPROVED")).hasSize(1);
  }

  @Test
  void aUserSeesAndMarksReadOnlyTheirOwnNotices() {
    Tenants t = accounts.tenants();
    Seeded mine = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded theirs = users.user(Role.CUSTOMER_ADMIN, t.b1());
    usage.grant(t.a1(), "10.00", null, null);
    usage.grant(t.b1(), "10.00", null, null);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    requests.request(t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("20.00"), "one", null);
    requests.request(t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("30.00"), "two", null);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    LimitRequest other =
        requests.request(t.b1(), UsageCap.DAILY_SPEND, new BigDecimal("20.00"), "b", null);
    accounts.signInAs(Role.RESELLER_ADMIN, t.b());
    requests.refuse(other.getId(), "no");
    assertThat(rows.unread(theirs.id())).isEqualTo(1);
    long theirNotice = rows.noticeIds(theirs.id()).getFirst();

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    for (PendingRequest p : requests.pending()) {
      if (p.request().getAccountId() == t.a1()) {
        requests.refuse(p.request().getId(), null);
      }
    }
    sessions.signInAs(mine.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(centre.unread()).isEqualTo(2);
    assertThat(centre.mine())
        .extracting(NoticeView::id)
        .containsExactlyInAnyOrderElementsOf(rows.noticeIds(mine.id()))
        .hasSize(2);
    long first = centre.mine().getLast().id();

    assertThatThrownBy(() -> centre.markRead(theirNotice)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> centre.markRead(Long.MAX_VALUE)).isInstanceOf(AccessDenied.class);
    assertThat(rows.unread(theirs.id())).isEqualTo(1);
    assertThat(rows.audited("ACCESS_DENIED", "DENIED", "portal-notice:" + theirNotice))
        .isEqualTo(1);

    centre.markRead(first);
    assertThat(centre.unread()).isEqualTo(1);
    assertThat(centre.markAllRead()).isEqualTo(1);
    assertThat(centre.unread()).isZero();
    assertThat(rows.unread(mine.id())).isZero();
    assertThat(rows.unread(theirs.id())).isEqualTo(1);
  }

  @Test
  void theConcurrentCallCapAlertsAt80And100PercentOnceADay() throws InterruptedException {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    accounts.setCaps(t.a1(), null, 5);
    try {
      for (int i = 0; i < 3; i++) {
        active.callStarted(AccountId.of(t.a1()), new ExtensionNumber("201"));
      }
      active.callStarted(AccountId.of(t.a1()), new ExtensionNumber("202"));
      waitFor(() -> usage.notices(t.a1(), "CONCURRENT_CALLS_ALERT") == 1);
      // 3 of 5 (60 %) alerted nothing: the one 80 % alert is the fourth call's.
      assertThat(usage.noticeBodies(t.a1(), "CONCURRENT_CALLS_ALERT"))
          .singleElement()
          .asString()
          .contains("reached 80 % of their cap: 4 calls in progress, cap 5.");
      assertThat(usage.alerts(t.a1())).isEqualTo(1);
      active.callStarted(AccountId.of(t.a1()), new ExtensionNumber("203"));
      waitFor(() -> usage.notices(t.a1(), "CONCURRENT_CALLS_ALERT") == 2);

      // Calls end and start again the same day: nothing is alerted twice.
      active.callEnded(AccountId.of(t.a1()), new ExtensionNumber("203"));
      active.callEnded(AccountId.of(t.a1()), new ExtensionNumber("202"));
      active.callStarted(AccountId.of(t.a1()), new ExtensionNumber("202"));
      active.callStarted(AccountId.of(t.a1()), new ExtensionNumber("203"));
      // A positive signal that those starts were checked before asserting nothing came twice: a
      // call of another account, started after them, had its alert raised by the same checks.
      accounts.setCaps(t.a2(), null, 1);
      active.callStarted(AccountId.of(t.a2()), new ExtensionNumber("201"));
      waitFor(() -> usage.alertsAt(t.a2(), 100) == 1);
      assertThat(usage.alerts(t.a1())).isEqualTo(2);
      assertThat(usage.notices(t.a1(), "CONCURRENT_CALLS_ALERT")).isEqualTo(2);
      assertThat(usage.audited(t.a1(), "USAGE_ALERT_SENT")).isEqualTo(2);
      assertThat(rows.notices(admin.id(), "CONCURRENT_CALLS_ALERT"))
          .containsExactly(
              "Dialtone: 80 % of the concurrent calls cap reached",
              "Dialtone: 100 % of the concurrent calls cap reached");
    } finally {
      for (String extension : new String[] {"201", "201", "201", "202", "203"}) {
        active.callEnded(AccountId.of(t.a1()), new ExtensionNumber(extension));
      }
      active.callEnded(AccountId.of(t.a2()), new ExtensionNumber("201"));
    }
    assertThat(active.of(AccountId.of(t.a1()))).isZero();
  }

  @Test
  void aCapChangedOnTheAccountPageDecidesTheNextCallAtOnce() {
    Tenants t = accounts.tenants();
    accounts.setCaps(t.a1(), "50.00", null);
    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("50.00"); // the gate now holds the account in memory

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    AccountProfile profile = AccountProfile.defaults(accounts.name(t.a1()));
    management.edit(t.a1(), profile, new UsageCaps(new BigDecimal("5.00"), null, null, 3));

    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("5.00");
    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.CONCURRENT_CALLS))
        .isEqualByComparingTo("3");

    // A profile-only change keeps the caps (and the gate's copy stays right).
    management.edit(t.a1(), profile, new UsageCaps(new BigDecimal("5.00"), null, null, 3));
    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("5.00");
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("condition met within 10 s").isTrue();
  }
}
