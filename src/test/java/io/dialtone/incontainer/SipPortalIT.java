package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.control.DidNotices;
import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.RegistrationEntry;
import io.dialtone.extension.control.RegistrationEvents;
import io.dialtone.extension.control.RegistrationHistory;
import io.dialtone.extension.control.RegistrationNotices;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.Role;
import io.dialtone.notification.control.NoticeCategory;
import io.dialtone.notification.control.NoticeCentre;
import io.dialtone.notification.control.NoticeFilter;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.sip.control.BanAdministration;
import io.dialtone.sip.control.BindingChange;
import io.dialtone.sip.control.BindingChangeKind;
import io.dialtone.sip.control.ContactsUnreachable;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import io.dialtone.sip.control.LocationService;
import io.dialtone.sip.control.RegistrarEvents;
import io.dialtone.sip.control.SipNotices;
import io.dialtone.sip.control.SourceBanned;
import io.dialtone.sip.control.SourceBans;
import io.dialtone.sip.control.SourceGuard;
import io.dialtone.sip.entity.Ban;
import io.dialtone.sip.entity.BanReason;
import io.dialtone.usage.control.UsageAlerts;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal side of the SIP registrar (SECURITY.md D4, D5, F1, F2) in Payara Micro on MariaDB:
 * only platform administrators list and lift bans (every lifting audited, everyone else refused and
 * audited); a ban is audited as the system and alerts each active platform administrator once; a
 * burst of failed digests tells the extension's own account's administrators once per window
 * (notice and mail), nobody in another tenant; a device going offline or unreachable alerts the
 * administrators (notice and mail) and the assigned user (notice) at most once per extension and
 * hour; the registration history is kept 30 days and read only within the reader's scope; a user
 * reads and dismisses only their own notices. The registrar's events about an extension become
 * notices in the extension component ({@link RegistrationEvents}): the registrar knows no
 * extension.
 *
 * <p>The registrar itself is not in this deployment: {@link SipSideBans} and {@link
 * SipSideLocations} are in-memory test fixtures standing in for its bans and bindings, and the
 * events are fired here as the registrar fires them. "Only once" is asserted after {@link
 * SipSideNotices} and {@link SipSideRegistrationNotices} counted every fired event as handled,
 * never after a pause.
 */
@ExtendWith(ArquillianExtension.class)
public class SipPortalIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("sip", "usage")
        .addPackage("io.dialtone.sip")
        .addPackage("io.dialtone.sip.entity")
        .addClasses(
            BanAdministration.class,
            SipNotices.class,
            RegistrarEvents.class,
            RegistrationEvents.class,
            RegistrationNotices.class,
            LocationService.class,
            SourceBans.class,
            SourceGuard.class,
            SourceBanned.class,
            FailureBurst.class,
            DeviceOffline.class,
            ContactsUnreachable.class)
        .addClasses(
            SipSideBans.class,
            SipSideLocations.class,
            SipSideMails.class,
            SipSideRows.class,
            SipSideNotices.class,
            SipSideRegistrationNotices.class)
        .addAsResource("io/dialtone/i18n/messages.properties")
        .addAsResource("io/dialtone/i18n/messages_fr.properties");
  }

  @Inject BanAdministration administration;
  @Inject NoticeCentre notices;
  @Inject SipSideNotices handling;
  @Inject SipSideRegistrationNotices extensionHandling;
  @Inject SipSideBans bans;
  @Inject SipSideMails mails;
  @Inject SipSideRows rows;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject ExtensionRows callers;
  @Inject Event<SourceBanned> banned;
  @Inject Event<FailureBurst> bursts;
  @Inject Event<DeviceOffline> offline;
  @Inject Event<ContactsUnreachable> unreachable;
  @Inject RegistrationHistory history;
  @Inject UsageAlerts alerts;
  @Inject DidNotices didNotices;
  @Inject AccountTree tree;

  @Test
  void onlyAPlatformAdministratorListsAndLiftsBansAndEveryLiftingIsAudited() {
    String address = randomAddress();
    Instant now = Instant.now();
    bans.ban(new Ban(address, BanReason.DIGEST_FAILURES, now, now.plus(Duration.ofMinutes(15))));
    Tenants t = accounts.tenants();

    for (Role role :
        List.of(Role.CUSTOMER_USER, Role.CUSTOMER_ADMIN, Role.RESELLER_ADMIN, Role.SUPPORT_AGENT)) {
      long account =
          switch (role) {
            case CUSTOMER_USER, CUSTOMER_ADMIN -> t.a1();
            case RESELLER_ADMIN -> t.a();
            default -> 1L;
          };
      String actor = accounts.signInAs(role, account);
      assertThatThrownBy(() -> administration.current()).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> administration.lift(address)).isInstanceOf(AccessDenied.class);
      assertThat(rows.auditedBy("ACCESS_DENIED", "DENIED", actor)).as(role.name()).isEqualTo(2);
    }
    assertThat(bans.current()).extracting(Ban::address).contains(address);

    String admin = accounts.signInAs(Role.PLATFORM_ADMIN, 1L);
    assertThat(administration.current()).extracting(Ban::address).contains(address);
    assertThat(administration.lift(address)).isTrue();
    assertThat(bans.current()).extracting(Ban::address).doesNotContain(address);
    assertThat(administration.lift(address)).as("lapsed or lifted meanwhile").isFalse();
    assertThat(administration.lift("not-an-address\r\nforged")).isFalse();
    assertThat(rows.audited("SIP_BAN_LIFTED", "SUCCESS", "sip-source:" + address)).isEqualTo(1);
    assertThat(rows.audited("SIP_BAN_LIFTED", "FAILURE", "sip-source:" + address)).isEqualTo(1);
    assertThat(rows.auditedBy("SIP_BAN_LIFTED", "FAILURE", admin)).isEqualTo(2);
  }

  @Test
  void aBanIsAuditedAsTheSystemAndAlertsEachPlatformAdministratorOnce() {
    Seeded first = users.user(Role.PLATFORM_ADMIN, 1L);
    Seeded second = users.user(Role.PLATFORM_ADMIN, 1L);
    Tenants t = accounts.tenants();
    Seeded customerAdmin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    String address = randomAddress();
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Ban ban = new Ban(address, BanReason.SCANNER, since, since.plus(Duration.ofMinutes(15)));

    banned.fire(new SourceBanned(ban, "friendly-scanner"));
    banned.fire(new SourceBanned(ban, "friendly-scanner")); // the same ban again: nobody told twice
    awaitCount(() -> rows.notices(second.id(), "SIP_SOURCE_BANNED", address), 1);
    awaitCount(() -> mails.to(second.email(), NoticeKind.SIP_SOURCE_BANNED).size(), 1);
    awaitCount(() -> rows.audited("SIP_SOURCE_BANNED", "SUCCESS", "sip-source:" + address), 1);
    awaitCount(() -> handling.handled("ban:" + address), 2);

    for (Seeded admin : List.of(first, second)) {
      assertThat(rows.notices(admin.id(), "SIP_SOURCE_BANNED", address)).isEqualTo(1);
      var sent = mails.to(admin.email(), NoticeKind.SIP_SOURCE_BANNED);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).arguments()).contains(address, "SIP scanner", "friendly-scanner");
    }
    assertThat(rows.notices(customerAdmin.id(), "SIP_SOURCE_BANNED", address)).isZero();
    assertThat(rows.audited("SIP_SOURCE_BANNED", "SUCCESS", "sip-source:" + address)).isEqualTo(1);
    assertThat(rows.auditedBy("SIP_SOURCE_BANNED", "SUCCESS", "system")).isPositive();

    // A new ban of the same address later is a new alert.
    Ban again = new Ban(address, BanReason.FLOOD, since.plusSeconds(1), since.plusSeconds(901));
    banned.fire(new SourceBanned(again, ""));
    awaitCount(() -> rows.notices(first.id(), "SIP_SOURCE_BANNED", address), 2);
  }

  @Test
  void aFailureBurstTellsTheAccountsAdministratorsOncePerWindowAndNobodyElse() {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded otherAdmin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    Seeded foreignAdmin = users.user(Role.CUSTOMER_ADMIN, t.b1());
    long extension = rows.extension(t.a1(), "201", member.id());
    Instant since = Instant.now().minusSeconds(120);

    bursts.fire(new FailureBurst(t.a1(), extension, "201", 12, since));
    bursts.fire(new FailureBurst(t.a1(), extension, "201", 25, since)); // same window
    bursts.fire(new FailureBurst(t.b1(), extension, "201", 40, since)); // not b1's extension
    awaitCount(() -> mails.to(otherAdmin.email(), NoticeKind.SIP_FAILURE_BURST).size(), 1);
    awaitCount(() -> extensionHandling.handled("burst:" + extension), 3);

    for (Seeded a : List.of(admin, otherAdmin)) {
      assertThat(rows.notices(a.id(), "SIP_FAILURE_BURST", "201")).isEqualTo(1);
      var sent = mails.to(a.email(), NoticeKind.SIP_FAILURE_BURST);
      assertThat(sent).hasSize(1);
      // The two events race on the executor: whichever stored its row first was told.
      assertThat(sent.get(0).arguments().get(0)).isEqualTo("201");
      assertThat(sent.get(0).arguments().get(1)).isIn("12", "25");
    }
    for (Seeded nobody : List.of(member, foreignAdmin)) {
      assertThat(rows.notices(nobody.id(), "SIP_FAILURE_BURST", "201")).isZero();
      assertThat(mails.to(nobody.email(), NoticeKind.SIP_FAILURE_BURST)).isEmpty();
    }
  }

  @Test
  void aDeviceGoingOfflineOrUnreachableAlertsAtMostOncePerExtensionAndHour() {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    Seeded colleague = users.user(Role.CUSTOMER_USER, t.a1());
    Seeded foreignAdmin = users.user(Role.CUSTOMER_ADMIN, t.b1());
    long extension = rows.extension(t.a1(), "305", member.id());
    Instant lastSeen = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);

    offline.fire(new DeviceOffline(t.a1(), extension, "305", lastSeen));
    offline.fire(new DeviceOffline(t.a1(), extension, "305", lastSeen)); // the same transition
    awaitCount(() -> extensionHandling.handled("offline:" + extension), 2);
    assertThat(rows.notices(admin.id(), "SIP_DEVICE_OFFLINE", "305")).isEqualTo(1);
    assertThat(rows.notices(member.id(), "SIP_DEVICE_OFFLINE", "305")).isEqualTo(1);
    assertThat(rows.notices(colleague.id(), "SIP_DEVICE_OFFLINE", "305")).isZero();
    assertThat(rows.notices(foreignAdmin.id(), "SIP_DEVICE_OFFLINE", "305")).isZero();
    // The administrators get the e-mail too; the extension's user the notice only.
    awaitCount(() -> mails.to(admin.email(), NoticeKind.SIP_DEVICE_OFFLINE).size(), 1);
    assertThat(mails.to(admin.email(), NoticeKind.SIP_DEVICE_OFFLINE)).hasSize(1);
    assertThat(mails.to(member.email(), NoticeKind.SIP_DEVICE_OFFLINE)).isEmpty();

    // It registered again and went offline again, and a call found none of its phones, within
    // the hour: nobody is told again, whatever the cause.
    offline.fire(new DeviceOffline(t.a1(), extension, "305", lastSeen.plusSeconds(600)));
    unreachable.fire(new ContactsUnreachable(t.a1(), extension, "305", Instant.now()));
    awaitCount(() -> extensionHandling.handled("offline:" + extension), 3);
    awaitCount(() -> extensionHandling.handled("unreachable:" + extension), 1);
    assertThat(rows.notices(admin.id(), "SIP_DEVICE_OFFLINE", "305")).isEqualTo(1);
    assertThat(rows.notices(admin.id(), "SIP_CONTACTS_UNREACHABLE", "305")).isZero();
    assertThat(mails.to(admin.email(), NoticeKind.SIP_DEVICE_OFFLINE)).hasSize(1);
    assertThat(mails.to(admin.email(), NoticeKind.SIP_CONTACTS_UNREACHABLE)).isEmpty();

    // An hour after the stored alert (a restart forgets nothing: the time is a stored row).
    rows.alertedMinutesAgo(extension, 61);
    unreachable.fire(new ContactsUnreachable(t.a1(), extension, "305", Instant.now()));
    awaitCount(() -> rows.notices(admin.id(), "SIP_CONTACTS_UNREACHABLE", "305"), 1);
    awaitCount(() -> rows.notices(member.id(), "SIP_CONTACTS_UNREACHABLE", "305"), 1);
    awaitCount(() -> mails.to(admin.email(), NoticeKind.SIP_CONTACTS_UNREACHABLE).size(), 1);
    assertThat(mails.to(admin.email(), NoticeKind.SIP_CONTACTS_UNREACHABLE))
        .singleElement()
        .satisfies(n -> assertThat(n.arguments().get(0)).isEqualTo("305"));
    assertThat(mails.to(member.email(), NoticeKind.SIP_CONTACTS_UNREACHABLE)).isEmpty();
    assertThat(rows.notices(foreignAdmin.id(), "SIP_CONTACTS_UNREACHABLE", "305")).isZero();

    // Each user sees and dismisses (marks read) their own notices only.
    NoticeFilter open = NoticeFilter.unread(NoticeCategory.PHONES);
    callers.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    List<NoticeView> mine = notices.mine(open);
    assertThat(mine)
        .hasSize(2)
        .allMatch(
            n ->
                n.kind() == NoticeKind.SIP_DEVICE_OFFLINE
                    || n.kind() == NoticeKind.SIP_CONTACTS_UNREACHABLE)
        .allMatch(n -> n.body().contains("305"));
    callers.signInAs(admin.id(), Role.CUSTOMER_ADMIN, t.a1());
    long adminsNotice = notices.mine(open).get(0).id();
    callers.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    assertThatThrownBy(() -> notices.markRead(adminsNotice)).isInstanceOf(AccessDenied.class);
    assertThat(rows.auditedBy("ACCESS_DENIED", "DENIED", "user:" + member.id())).isEqualTo(1);
    assertThat(rows.unreadNotices(admin.id())).isEqualTo(2);
    notices.markRead(mine.get(0).id());
    assertThat(rows.unreadNotices(member.id())).isEqualTo(1);
    assertThat(notices.mine(open)).hasSize(1);
  }

  @Test
  void theRegistrationHistoryIsReadWithinScopeOnlyAndPurgedAfter30Days() {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded foreignAdmin = users.user(Role.CUSTOMER_ADMIN, t.b1());
    long extension = rows.extension(t.a1(), "306", null);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    history.record(
        List.of(
            new BindingChange(
                t.a1(),
                extension,
                BindingChangeKind.REGISTERED,
                at.minusSeconds(60),
                "sip:306@192.0.2.7:5062",
                "192.0.2.7:5062",
                "TCP"),
            new BindingChange(
                t.a1(),
                extension,
                BindingChangeKind.EXPIRED,
                at,
                "sip:306@192.0.2.7:5062",
                "192.0.2.7:5062",
                "TCP")));

    callers.signInAs(admin.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(history.of(extension))
        .extracting(RegistrationEntry::kind)
        .containsExactly(BindingChangeKind.EXPIRED, BindingChangeKind.REGISTERED);
    assertThat(history.of(extension).get(1))
        .isEqualTo(
            new RegistrationEntry(
                BindingChangeKind.REGISTERED,
                at.minusSeconds(60),
                "sip:306@192.0.2.7:5062",
                "192.0.2.7:5062",
                "TCP"));

    callers.signInAs(foreignAdmin.id(), Role.CUSTOMER_ADMIN, t.b1());
    assertThatThrownBy(() -> history.of(extension)).isInstanceOf(AccessDenied.class);

    rows.historyDaysAgo(extension, 31);
    assertThat(history.purge(Instant.now())).isGreaterThanOrEqualTo(2);
    assertThat(rows.historyRows(extension)).isZero();
  }

  @Test
  void aNoticeOfEachSourceIsOnTheOneNoticeListAndTheFiltersSelectThem() {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded platformAdmin = users.user(Role.PLATFORM_ADMIN, 1L);
    long extension = rows.extension(t.a1(), "411", null);
    AccountView customer = tree.find(t.a1()).orElseThrow();

    // One notice from each component that tells the customer's administrator something.
    bursts.fire(new FailureBurst(t.a1(), extension, "411", 15, Instant.now().minusSeconds(60)));
    awaitCount(() -> rows.notices(admin.id(), "SIP_FAILURE_BURST", "411"), 1);
    alerts.raise(
        t.a1(),
        UsageCap.DAILY_SPEND,
        LocalDate.now(),
        80,
        new BigDecimal("40.00"),
        new BigDecimal("50.00"),
        "CAD");
    String number = "+1613555" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    didNotices.assigned(Did.inInventory(new E164Number(number), 1L, Instant.now()), customer);
    // And one from the registrar itself, to the platform.
    String address = randomAddress();
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    banned.fire(
        new SourceBanned(
            new Ban(address, BanReason.FLOOD, since, since.plus(Duration.ofMinutes(15))), ""));
    awaitCount(() -> rows.notices(platformAdmin.id(), "SIP_SOURCE_BANNED", address), 1);

    callers.signInAs(admin.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(notices.mine())
        .extracting(NoticeView::kind)
        .containsExactlyInAnyOrder(
            NoticeKind.SIP_FAILURE_BURST, NoticeKind.USAGE_ALERT, NoticeKind.DID_ASSIGNED);
    assertThat(notices.unread()).isEqualTo(3);
    assertThat(notices.mine(new NoticeFilter(NoticeCategory.PHONES, null, null)))
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).endsWith("extension 411"));
    assertThat(notices.mine(new NoticeFilter(NoticeCategory.USAGE, null, null)))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("80 %", "40.00", "50.00"));
    assertThat(notices.mine(new NoticeFilter(NoticeCategory.NUMBERS, null, null)))
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).contains(number));
    assertThat(notices.mine(new NoticeFilter(NoticeCategory.ACCOUNT, null, null))).isEmpty();

    // Read or unread, and from a day on.
    long didNotice = notices.mine(new NoticeFilter(NoticeCategory.NUMBERS, null, null)).get(0).id();
    notices.markRead(didNotice);
    assertThat(notices.mine(new NoticeFilter(null, NoticeFilter.ReadState.READ, null)))
        .extracting(NoticeView::id)
        .containsExactly(didNotice);
    assertThat(notices.mine(new NoticeFilter(null, NoticeFilter.ReadState.UNREAD, null)))
        .extracting(NoticeView::kind)
        .containsExactlyInAnyOrder(NoticeKind.SIP_FAILURE_BURST, NoticeKind.USAGE_ALERT);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(notices.mine(new NoticeFilter(null, null, today.minusDays(1)))).hasSize(3);
    assertThat(notices.mine(new NoticeFilter(null, null, today.plusDays(1)))).isEmpty();

    // The platform administrator's list has the ban and none of the customer's notices.
    callers.signInAs(platformAdmin.id(), Role.PLATFORM_ADMIN, 1L);
    assertThat(notices.mine())
        .extracting(NoticeView::kind)
        .containsOnly(NoticeKind.SIP_SOURCE_BANNED);
  }

  /** A documentation address (TEST-NET-2) no other test bans. */
  private static String randomAddress() {
    var random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  /** Waits (at most 20 s) until {@code count} reaches {@code expected}; the handlers are async. */
  private static void awaitCount(LongSupplier count, long expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count.getAsLong() < expected && System.nanoTime() < deadline) {
      sleep(100);
    }
    assertThat(count.getAsLong()).isGreaterThanOrEqualTo(expected);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
