package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountView;
import io.dialtone.account.entity.Account;
import io.dialtone.did.control.DidAssignments;
import io.dialtone.did.control.DidInventory;
import io.dialtone.did.control.DidRefused;
import io.dialtone.did.control.DidRouting;
import io.dialtone.did.control.DidView;
import io.dialtone.did.control.Dids;
import io.dialtone.did.control.InboundRoute;
import io.dialtone.did.control.InboundRoutes;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.extension.control.PinViolation;
import io.dialtone.extension.control.VoicemailPins;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.support.control.CustomerHit;
import io.dialtone.support.control.CustomerSearch;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DIDs in Payara Micro on MariaDB (SECURITY.md E6, F2, F3): the platform adds and assigns numbers;
 * a reseller assigns only its own numbers to its own customers (another tenant's number or customer
 * refused, nothing changed); a customer administrator routes only to its own extensions, with a
 * continuity destination the call policy allows; support and resellers find a customer by DID
 * within their scope; a voicemail PIN holding a routed DID's last digits is refused. Two additions
 * of one number at once: the second is refused with a message. A suspended account, or one below a
 * suspended reseller, gets no numbers (refused, audited); a customer's administrators find a new
 * number in their notice centre.
 */
@ExtendWith(ArquillianExtension.class)
public class DidsIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("did", "support")
        .addClass(EverythingRated.class)
        .addAsResource("io/dialtone/extension/control/common-pins.txt");
  }

  @Inject DidInventory inventory;
  @Inject DidAssignments assignments;
  @Inject DidRouting routing;
  @Inject InboundRoutes inbound;
  @Inject Dids dids;
  @Inject Extensions extensions;
  @Inject VoicemailPins pins;
  @Inject CustomerSearch search;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject ExtensionRows extensionRows;
  @Inject DidRows rows;
  @Inject SelfServiceRows selfService;

  @Test
  void aResellerAssignsOnlyItsOwnNumbersToItsOwnCustomers() throws DidRefused {
    Tenants t = accounts.tenants();
    String ours = rows.freshNumber();
    String theirs = rows.freshNumber();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(inventory.addList(ours + "\n" + theirs)).isEqualTo(2);
    long oursId = rows.id(ours);
    long theirsId = rows.id(theirs);
    assignments.assign(oursId, t.a());
    assignments.assign(theirsId, t.b());
    assertThat(rows.row(ours)).isEqualTo(t.a() + "|-|-");

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(dids.list(null)).extracting(DidView::number).contains(ours).doesNotContain(theirs);
    assignments.assign(oursId, t.a1());
    assertThat(rows.row(ours)).isEqualTo(t.a1() + "|-|-");
    assertThat(rows.auditRows("DID_ASSIGNED", oursId)).isEqualTo(2);

    // Another tenant's customer, another tenant's number, a platform-held number: refused.
    refused(() -> assignments.assign(oursId, t.b1()));
    refused(() -> assignments.assign(theirsId, t.a2()));
    refused(() -> assignments.takeBack(theirsId));
    refused(() -> dids.get(theirsId));
    refused(() -> assignments.assign(oursId, Account.PLATFORM_ID));
    assertThat(rows.row(ours)).isEqualTo(t.a1() + "|-|-");
    assertThat(rows.row(theirs)).isEqualTo(t.b() + "|-|-");

    // A customer administrator sees the number but cannot assign it.
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(dids.get(oursId).number()).isEqualTo(ours);
    refused(() -> assignments.assign(oursId, t.a2()));
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a2());
    refused(() -> dids.get(oursId));
    assertThat(dids.list(null)).extracting(DidView::number).doesNotContain(ours);

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assignments.takeBack(oursId);
    assertThat(rows.row(ours)).isEqualTo(t.a() + "|-|-");

    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assignments.takeBack(theirsId);
    assertThat(rows.row(theirs)).isEqualTo(Account.PLATFORM_ID + "|-|-");
  }

  @Test
  void theInventoryAddsAllOrNothingAndCapsRanges() throws DidRefused {
    String first = rows.freshNumber();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(first);
    String other = rows.freshNumber();
    assertThatThrownBy(() -> inventory.addList(other + "," + first))
        .isInstanceOfSatisfying(
            DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.taken"));
    assertThat(rows.row(other)).isNull();
    assertThatThrownBy(() -> inventory.addRange("+16135540000", "+16135550000"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("dids.refused.rangeTooLarge"));

    String block;
    do {
      block =
          "+1819"
              + (2 + ThreadLocalRandom.current().nextInt(8))
              + ThreadLocalRandom.current().nextInt(100, 1000);
    } while (rows.count(block) > 0);
    assertThat(inventory.addRange(block + "100", "(819) " + block.substring(5) + "-199"))
        .isEqualTo(100);
    assertThat(rows.count(block)).isEqualTo(100);

    accounts.signInAs(Role.RESELLER_ADMIN, accounts.tenants().a());
    refused(() -> inventory.addList(rows.freshNumber()));
  }

  @Test
  void aCustomerAdminRoutesOnlyToItsOwnExtensionsWithAnAllowedContinuity() throws Exception {
    Tenants t = accounts.tenants();
    String number = rows.freshNumber();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(number);
    long didId = rows.id(number);
    assignments.assign(didId, t.a1());

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    NewSipSecret foreign = extensions.create(t.b1(), "201", "Other", ExtensionType.USER, null);
    refused(() -> routing.route(didId, foreign.extensionId(), null));

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret own = extensions.create(t.a1(), "201", "Front", ExtensionType.USER, null);
    extensions.create(t.a1(), "202", "Back", ExtensionType.USER, null);
    refused(() -> routing.route(didId, foreign.extensionId(), null));
    assertThat(rows.row(number)).isEqualTo(t.a1() + "|-|-");

    // International calls are blocked by default: not a continuity destination.
    assertThatThrownBy(() -> routing.route(didId, own.extensionId(), "+442079460000"))
        .isInstanceOfSatisfying(
            ExtensionRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ExtensionRefused.Reason.DESTINATION_BLOCKED);
              assertThat(e.detailKey()).isEqualTo("extensions.rule.INTERNATIONAL_BLOCKED");
            });
    assertThat(rows.row(number)).as("all or nothing").isEqualTo(t.a1() + "|-|-");

    routing.route(didId, own.extensionId(), "202");
    assertThat(rows.row(number)).isEqualTo(t.a1() + "|" + own.extensionId() + "|202");
    assertThat(rows.auditRows("DID_ROUTED", didId)).isEqualTo(1);
    routing.route(didId, own.extensionId(), "613-555-0199");
    assertThat(rows.row(number)).isEqualTo(t.a1() + "|" + own.extensionId() + "|613-555-0199");
    assertThat(routing.extensionsFor(didId)).hasSize(2);

    // An agent acting as the customer's administrator may route too.
    extensionRows.impersonate(t.a1());
    routing.route(didId, null, null);
    assertThat(rows.row(number)).isEqualTo(t.a1() + "|-|-");

    // Another customer's administrator cannot touch it.
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a2());
    refused(() -> routing.route(didId, null, "202"));
    assertThat(rows.row(number)).isEqualTo(t.a1() + "|-|-");

    // A new holder starts without the old route.
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    routing.route(didId, own.extensionId(), "202");
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assignments.assign(didId, t.a2());
    assertThat(rows.row(number)).isEqualTo(t.a2() + "|-|-");
  }

  @Test
  void aCalledNumberResolvesToItsActiveCustomersRouteAndNothingElse() throws Exception {
    Tenants t = accounts.tenants();
    String number = rows.freshNumber();
    E164Number called = new E164Number(number);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(number);
    long didId = rows.id(number);
    assertThat(inbound.routeOf(called)).as("the platform's stock rings nothing").isEmpty();
    assignments.assign(didId, t.a());
    assertThat(inbound.routeOf(called)).as("a reseller's stock rings nothing").isEmpty();
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assignments.assign(didId, t.a1());
    assertThat(inbound.routeOf(called))
        .contains(
            new InboundRoute(called, AccountId.of(t.a1()), Optional.empty(), Optional.empty()));

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret front = extensions.create(t.a1(), "201", "Front", ExtensionType.USER, null);
    extensions.create(t.a1(), "202", "Back", ExtensionType.USER, null);
    routing.route(didId, front.extensionId(), "202");
    assertThat(inbound.routeOf(called))
        .contains(
            new InboundRoute(
                called,
                AccountId.of(t.a1()),
                Optional.of(new ExtensionNumber("201")),
                Optional.of("202")));

    extensions.disable(front.extensionId());
    assertThat(inbound.routeOf(called).flatMap(InboundRoute::extension))
        .as("a disabled extension rings nothing; the continuity destination stays")
        .isEmpty();
    assertThat(inbound.routeOf(called).flatMap(InboundRoute::continuityDestination))
        .contains("202");

    selfService.suspend(t.a());
    assertThat(inbound.routeOf(called)).as("below a suspended reseller").isEmpty();
    assertThat(inbound.routeOf(new E164Number(rows.freshNumber()))).isEmpty();
  }

  @Test
  void supportAndResellersFindTheCustomerByDidWithinTheirScope() throws DidRefused {
    Tenants t = accounts.tenants();
    String number = rows.freshNumber();
    String national =
        "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(number);
    assignments.assign(rows.id(number), t.a1());

    accounts.signInAs(Role.SUPPORT_AGENT, Account.PLATFORM_ID);
    assertThat(search.search(number, "127.0.0.1"))
        .extracting(CustomerHit::accountId)
        .containsExactly(t.a1());
    assertThat(search.search(national, "127.0.0.1"))
        .extracting(CustomerHit::accountId)
        .containsExactly(t.a1());
    assertThat(search.search("1 " + national, "127.0.0.1"))
        .extracting(CustomerHit::accountId)
        .containsExactly(t.a1());

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(search.search(national, "127.0.0.1"))
        .extracting(CustomerHit::accountId)
        .containsExactly(t.a1());
    accounts.signInAs(Role.RESELLER_ADMIN, t.b());
    assertThat(search.search(number, "127.0.0.1")).isEmpty();
    assertThat(search.search(national, "127.0.0.1")).isEmpty();
  }

  @Test
  void aPinHoldingTheLastDigitsOfARoutedDidIsRefused() throws Exception {
    Tenants t = accounts.tenants();
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    String number = rows.freshNumber();
    String tail = number.substring(number.length() - 6);
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(number);
    long didId = rows.id(number);
    assignments.assign(didId, t.a1());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "601", "Mine", ExtensionType.USER, member.id());

    extensionRows.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    List<PinViolation> beforeRouting = pins.setOwn(ext.extensionId(), tail);
    assertThat(beforeRouting).doesNotContain(PinViolation.DID_DIGITS);

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    routing.route(didId, ext.extensionId(), null);
    extensionRows.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    String pin = tail.equals("480271") ? "480272" : "480271";
    assertThat(pins.setOwn(ext.extensionId(), tail + "9")).contains(PinViolation.DID_DIGITS);
    assertThat(pins.setOwn(ext.extensionId(), number.substring(2)))
        .contains(PinViolation.DID_DIGITS);
    assertThat(pins.setOwn(ext.extensionId(), pin)).isEmpty();

    // A deleted extension is no route any more.
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(dids.get(didId).extensionId()).isEqualTo(ext.extensionId());
    extensions.delete(ext.extensionId());
    assertThat(dids.get(didId).extensionId()).isNull();
    assertThat(dids.list(number)).extracting(DidView::extensionId).containsExactly((Long) null);
  }

  @Test
  void aNumberAddedByTwoAtOnceIsRefusedWithAMessageForTheSecond() throws Exception {
    String number = rows.freshNumber();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    long refusalsBefore =
        selfService.audited("DIDS_ADDED", "FAILURE", "account:" + Account.PLATFORM_ID);
    CountDownLatch inserted = new CountDownLatch(1);
    // The first transaction stays open until the second insert is seen waiting on it, however
    // long the second takes to get there (no fixed window to miss on a busy machine).
    Future<Boolean> first = selfService.addNumberUntilAnotherInsertWaits(number, inserted);
    assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();

    // Nothing committed yet: the check passes, the insert waits on the unique key, then fails.
    assertThatThrownBy(() -> inventory.addList(number))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("dids.refused.takenMeanwhile"));
    assertThat(first.get(90, TimeUnit.SECONDS))
        .as("the second insert waited on the first")
        .isTrue();
    assertThat(rows.row(number)).isEqualTo(Account.PLATFORM_ID + "|-|-");
    assertThat(rows.count(number)).isEqualTo(1);
    assertThat(selfService.audited("DIDS_ADDED", "FAILURE", "account:" + Account.PLATFORM_ID))
        .isEqualTo(refusalsBefore + 1);
  }

  @Test
  void aSuspendedAccountGetsNoNumbersAndACustomerIsToldOfItsNewNumber() throws Exception {
    Tenants t = accounts.tenants();
    Seeded admin = users.user(Role.CUSTOMER_ADMIN, t.a1());
    selfService.setLocale(admin.id(), "fr");
    String number = rows.freshNumber();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    inventory.addList(number);
    long didId = rows.id(number);
    assignments.assign(didId, t.a());

    selfService.suspend(t.a2());
    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(assignments.targets())
        .extracting(AccountView::id)
        .contains(t.a1())
        .doesNotContain(t.a2());
    assertThatThrownBy(() -> assignments.assign(didId, t.a2()))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("dids.refused.accountSuspended"));
    assertThat(rows.row(number)).isEqualTo(t.a() + "|-|-");
    assertThat(selfService.audited("DID_ASSIGNED", "FAILURE", "did:" + didId + " ")).isEqualTo(1);

    // A customer below a suspended reseller is refused too.
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    String other = rows.freshNumber();
    inventory.addList(other);
    selfService.suspend(t.b());
    assertThatThrownBy(() -> assignments.assign(rows.id(other), t.b1()))
        .isInstanceOf(DidRefused.class);
    assertThat(rows.row(other)).isEqualTo(Account.PLATFORM_ID + "|-|-");

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(selfService.notices(admin.id(), "DID_ASSIGNED")).isEmpty();
    assignments.assign(didId, t.a1());
    assertThat(selfService.notices(admin.id(), "DID_ASSIGNED"))
        .containsExactly("Dialtone : numéro de téléphone " + number + " attribué à votre compte");
  }

  private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(AccessDenied.class);
  }
}
