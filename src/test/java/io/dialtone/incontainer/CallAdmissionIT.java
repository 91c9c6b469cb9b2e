package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.entity.Account;
import io.dialtone.call.control.Admission;
import io.dialtone.call.control.CallAdmission;
import io.dialtone.call.control.CallRequest;
import io.dialtone.call.control.HangupSide;
import io.dialtone.call.control.LiveTickets;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.RateDeckAdmin;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.ExtensionSettings;
import io.dialtone.extension.control.LiveCall;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.usage.control.ActiveCalls;
import io.dialtone.usage.control.UsageLimits;
import io.dialtone.usage.control.UsageMeter;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call admission and a call's ledger in Payara Micro on MariaDB: what the SIP proxy gets for an
 * INVITE and the one CDR each call leaves (blocked, failed, answered), with the caps and the caller
 * ID enforced at call time.
 */
@ExtendWith(ArquillianExtension.class)
public class CallAdmissionIT {

  private static final SipDomain DOMAIN = new SipDomain("calls.example.test");

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("call").addClass(EverythingRated.class);
  }

  @Inject CallAdmission admission;
  @Inject CallRows rows;
  @Inject SeededAccounts seeded;
  @Inject ActiveCalls active;
  @Inject UsageMeter meter;
  @Inject LiveTickets live;
  @Inject RateDeckAdmin deckAdmin;
  @Inject ExtensionSettings settings;
  @Inject UsageLimits limits;

  @Test
  void aBlockedNumberIsRefusedWith403NamingTheRuleAndLeavesABlockedRecordLinkedToIt() {
    long account = seeded.tenants().a1();
    long caller = rows.extension(account, "201", "ACTIVE", "INTERNATIONAL");
    rows.did(account, "+16135550" + unique3(), true);
    long rule = rows.rule(account, "BLOCK_NUMBER", "+15145550199");
    String callId = callId();

    Admission a = admission.admit(request(account, caller, "201", "1 514 555 0199", callId));

    assertThat(a).isEqualTo(new Admission.Refused(403, "Blocked by rule: blocked number"));
    Object[] cdr = rows.call(callId);
    assertThat(cdr).isNotNull();
    assertThat(cdr[0]).isEqualTo("201");
    assertThat(cdr[3]).isEqualTo("+15145550199");
    assertThat(num(cdr[4])).isEqualTo(Disposition.BLOCKED.code());
    assertThat(cdr[5]).isEqualTo("BLOCKED_NUMBER");
    assertThat(num(cdr[6])).isEqualTo(rule);
    assertThat(num(cdr[9])).as("the answer the phone got").isEqualTo(403);
    assertThat(active.of(AccountId.of(account))).isZero();
  }

  @Test
  void anInternalCallAnsweredLeavesOneAnsweredRecordWithItsDurationAndStampsBothExtensions() {
    long account = seeded.tenants().a1();
    long caller = rows.extension(account, "301", "ACTIVE", "INTERNAL_ONLY");
    long callee = rows.extension(account, "302", "ACTIVE", "INTERNAL_ONLY");
    String callId = callId();
    Instant at = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);

    Admission a = admission.admit(request(account, caller, "301", "302", callId, at));

    assertThat(a).isInstanceOf(Admission.Internal.class);
    Admission.Internal internal = (Admission.Internal) a;
    assertThat(internal.callee()).isEqualTo(new ExtensionNumber("302"));
    assertThat(internal.ticket().maxDuration()).isEqualTo(Duration.ofHours(4));
    assertThat(active.of(AccountId.of(account), new ExtensionNumber("301"))).isEqualTo(1);
    List<LiveCall> now = live.of(AccountId.of(account), new ExtensionNumber("302"));
    assertThat(now).extracting(LiveCall::otherParty).containsExactly("301");

    internal.ticket().answered(at.plusSeconds(3), null);
    internal.ticket().ended(at.plusSeconds(48).plusMillis(500), HangupSide.CALLEE);
    internal.ticket().ended(at.plusSeconds(99), HangupSide.CALLER); // ignored

    Object[] cdr = until(() -> rows.call(callId));
    assertThat(cdr[0]).isEqualTo("301");
    assertThat(cdr[3]).isEqualTo("302");
    assertThat(num(cdr[4])).isEqualTo(Disposition.ANSWERED.code());
    assertThat(num(cdr[7])).isEqualTo(45);
    assertThat(cdr[8]).isEqualTo("CALLEE");
    assertThat(num(cdr[9])).isEqualTo(200);
    assertThat(active.of(AccountId.of(account))).isZero();
    assertThat(live.of(AccountId.of(account), new ExtensionNumber("302"))).isEmpty();
    until(() -> rows.lastCallAt(caller));
    until(() -> rows.lastCallAt(callee));
  }

  @Test
  void aDisabledExtensionIs480AndAFreeShortNumber404EachWithAFailedRecord() {
    long account = seeded.tenants().a2();
    long caller = rows.extension(account, "401", "ACTIVE", "INTERNAL_ONLY");
    rows.extension(account, "402", "DISABLED", "INTERNAL_ONLY");
    String off = callId();
    String none = callId();

    assertThat(admission.admit(request(account, caller, "401", "402", off)))
        .isEqualTo(new Admission.Refused(480, "Extension unavailable"));
    assertThat(admission.admit(request(account, caller, "401", "499", none)))
        .isEqualTo(new Admission.Refused(404, "No such extension"));

    assertThat(num(rows.call(off)[4])).isEqualTo(Disposition.FAILED.code());
    assertThat(num(rows.call(off)[9])).isEqualTo(480);
    assertThat(num(rows.call(none)[9])).isEqualTo(404);
  }

  @Test
  void theCallerIdIsTheExtensionsDidWhileTheAccountHoldsItElseTheDefault() {
    long account = seeded.tenants().b1();
    long caller = rows.extension(account, "501", "ACTIVE", "INTERNATIONAL");
    rows.toggles(account, false, false, true);
    String own = "+16135551" + unique3();
    String fallback = "+16135552" + unique3();
    rows.did(account, own, false);
    rows.did(account, fallback, true);

    rows.callerId(caller, own);
    Admission.Outbound first = outbound(account, caller, "501", "+15145550100");
    rows.callerId(caller, "+16135559" + unique3()); // not the account's (any more)
    Admission.Outbound second = outbound(account, caller, "501", "6135550100");

    assertThat(first.callerId().value()).isEqualTo(own);
    assertThat(first.destination().value()).isEqualTo("+15145550100");
    assertThat(first.dialString()).isEqualTo("+15145550100");
    assertThat(first.emergency()).isFalse();
    assertThat(second.callerId().value()).isEqualTo(fallback);
    assertThat(second.destination().value()).isEqualTo("+16135550100");
    first.ticket().failed(Instant.now(), 486);
    second.ticket().failed(Instant.now(), 487);
    assertThat(num(until(() -> rows.call(first.ticket().callId()))[4]))
        .isEqualTo(Disposition.BUSY.code());
    assertThat(until(() -> rows.call(second.ticket().callId()))[2]).isEqualTo(fallback);
  }

  @Test
  void anExtensionsCallerIdMustBeOneOfItsAccountsNumbersWhenSet() throws Exception {
    long account = seeded.tenants().a2();
    long extension = rows.extension(account, "511", "ACTIVE", "NATIONAL");
    String held = "+16135557" + unique3();
    rows.did(account, held, false);
    seeded.signInAs(Role.CUSTOMER_ADMIN, account);

    assertThat(settings.callerIdChoices(extension)).extracting(E164Number::value).contains(held);
    assertThatThrownBy(
            () -> settings.changeCallerId(extension, new E164Number("+16135558" + unique3())))
        .isInstanceOf(ExtensionRefused.class)
        .hasMessageContaining("extensions.refused.CALLER_ID_NOT_HELD");
    settings.changeCallerId(extension, new E164Number(held));

    assertThat(outbound(account, extension, "511", "6135550131").callerId().value())
        .isEqualTo(held);
  }

  @Test
  void theAccountsMaximumCallDurationIsTheTicketsAndFourHoursWithoutOne() {
    long account = seeded.tenants().b1();
    long extension = rows.extension(account, "521", "ACTIVE", "INTERNAL_ONLY");
    rows.extension(account, "522", "ACTIVE", "INTERNAL_ONLY");
    seeded.signInAs(Role.CUSTOMER_ADMIN, account);

    Admission.Internal before =
        (Admission.Internal) admission.admit(request(account, extension, "521", "522", callId()));
    limits.changeMaxCallMinutes(account, 30);
    Admission.Internal after =
        (Admission.Internal) admission.admit(request(account, extension, "521", "522", callId()));

    assertThat(before.ticket().maxDuration()).isEqualTo(Duration.ofHours(4));
    assertThat(after.ticket().maxDuration()).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> limits.changeMaxCallMinutes(account, 0))
        .hasMessageContaining("usage.maxCallInvalid");
    before.ticket().failed(Instant.now(), 487);
    after.ticket().failed(Instant.now(), 487);
  }

  @Test
  void crossingTheSpendCapRefusesTheNextCallWithABlockedCapRecord() {
    Tenants t = seeded.tenants();
    long account = t.b2();
    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(
            deckAdmin
                .upload(
                    new StringReader(
                        "prefix,description,price_per_minute,currency,increment,effective_from,"
                            + "effective_to\n+1,North America,1.00000,CAD,60/60,2020-01-01,"),
                    "calls.csv")
                .accepted())
        .isTrue();
    long caller = rows.extension(account, "601", "ACTIVE", "NATIONAL");
    rows.did(account, "+16135553" + unique3(), true);
    rows.caps(account, "1.50", null);
    Instant at = Instant.now().minusSeconds(300);

    Admission.Outbound call = outbound(account, caller, "601", "6135550101", at);
    call.ticket().answered(at.plusSeconds(2), "trunk-1");
    call.ticket().ended(at.plusSeconds(122), HangupSide.CALLER); // 2 min at 1.00
    until(() -> meter.state(account, Instant.now()).reachedCap());
    String next = callId();

    assertThat(admission.admit(request(account, caller, "601", "6135550102", next)))
        .isEqualTo(new Admission.Refused(403, "Blocked by rule: usage limit"));
    assertThat(rows.call(next)[5]).isEqualTo("USAGE_LIMIT");
    assertThat(((java.math.BigDecimal) rows.call(call.ticket().callId())[10]))
        .isEqualByComparingTo("2.00");
  }

  @Test
  void withAConcurrentCapOfTwoTheThirdCallIsRefusedUntilOneEnds() {
    long account = seeded.tenants().a2();
    long caller = rows.extension(account, "701", "ACTIVE", "NATIONAL");
    rows.did(account, "+16135554" + unique3(), true);
    rows.caps(account, null, 2);

    Admission.Outbound one = outbound(account, caller, "701", "6135550111");
    Admission.Outbound two = outbound(account, caller, "701", "6135550112");
    String third = callId();
    Admission refused = admission.admit(request(account, caller, "701", "6135550113", third));
    one.ticket().failed(Instant.now(), 480);
    Admission.Outbound fourth = outbound(account, caller, "701", "6135550114");

    assertThat(refused).isEqualTo(new Admission.Refused(403, "Blocked by rule: usage limit"));
    assertThat(rows.call(third)[5]).isEqualTo("USAGE_LIMIT");
    assertThat(active.of(AccountId.of(account))).isEqualTo(2);
    two.ticket().failed(Instant.now(), 480);
    fourth.ticket().failed(Instant.now(), 480);
    assertThat(active.of(AccountId.of(account))).isZero();
  }

  @Test
  void aResellersConcurrentCapCountsTheCallsOfItsCustomers() {
    Tenants t = seeded.tenants();
    long first = rows.extension(t.b1(), "801", "ACTIVE", "NATIONAL");
    long second = rows.extension(t.b2(), "801", "ACTIVE", "NATIONAL");
    rows.did(t.b1(), "+16135555" + unique3(), true);
    rows.did(t.b2(), "+16135556" + unique3(), true);
    rows.caps(t.b(), null, 1);

    Admission.Outbound one = outbound(t.b1(), first, "801", "6135550121");
    String refused = callId();

    assertThat(admission.admit(request(t.b2(), second, "801", "6135550122", refused)))
        .isEqualTo(new Admission.Refused(403, "Blocked by rule: usage limit"));
    one.ticket().failed(Instant.now(), 486);
    outbound(t.b2(), second, "801", "6135550123").ticket().failed(Instant.now(), 486);
  }

  @Test
  void anEmergencyNumberGoesOutWithEveryClassBlockedAndEveryCapReached() {
    long account = seeded.tenants().a1();
    long caller = rows.extension(account, "901", "ACTIVE", "INTERNAL_ONLY");
    rows.toggles(account, true, true, true);
    rows.caps(account, "0.00", 0);

    Admission.Outbound call = outbound(account, caller, "901", "911");
    Admission.Outbound again = outbound(account, caller, "901", "112");

    assertThat(call.emergency()).isTrue();
    assertThat(call.dialString()).isEqualTo("911");
    assertThat(call.destination()).isNull();
    assertThat(again.dialString()).isEqualTo("112");
    call.ticket().answered(Instant.now(), "trunk-1");
    call.ticket().ended(Instant.now(), HangupSide.CALLER);
    again.ticket().failed(Instant.now(), 503);
    assertThat(num(until(() -> rows.call(call.ticket().callId()))[4]))
        .isEqualTo(Disposition.ANSWERED.code());
  }

  private Admission.Outbound outbound(long account, long caller, String from, String dialled) {
    return outbound(account, caller, from, dialled, Instant.now());
  }

  private Admission.Outbound outbound(
      long account, long caller, String from, String dialled, Instant at) {
    Admission a = admission.admit(request(account, caller, from, dialled, callId(), at));
    assertThat(a).as(dialled).isInstanceOf(Admission.Outbound.class);
    return (Admission.Outbound) a;
  }

  private static CallRequest request(
      long account, long extensionId, String caller, String dialled, String callId) {
    return request(account, extensionId, caller, dialled, callId, Instant.now());
  }

  private static CallRequest request(
      long account, long extensionId, String caller, String dialled, String callId, Instant at) {
    return new CallRequest(
        AccountId.of(account),
        extensionId,
        new ExtensionNumber(caller),
        DOMAIN,
        dialled,
        callId,
        at);
  }

  /** The value once {@code probe} gives one (the ledger writes after the call, on its own). */
  private static <T> T until(Supplier<T> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T value;
    while ((value = probe.get()) == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing within 20 s");
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return value;
  }

  private static long num(Object value) {
    return ((Number) value).longValue();
  }

  private static String callId() {
    return UUID.randomUUID() + "@calls.example.test";
  }

  private static String unique3() {
    return String.format("%03d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1000));
  }
}
