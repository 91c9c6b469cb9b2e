package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.usage.control.CallDurations;
import io.dialtone.usage.control.LimitRefused;
import io.dialtone.usage.control.LimitRequests;
import io.dialtone.usage.control.PendingRequest;
import io.dialtone.usage.control.RaiseExpiry;
import io.dialtone.usage.control.UsageLimits;
import io.dialtone.usage.control.UsageMeter;
import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.UsageCap;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Usage limits in Payara Micro on MariaDB (SECURITY.md E4, F2, F3): a customer administrator asks
 * for a raise, its reseller approves it, the cap is raised and reaches the usage gate, and the
 * temporary raise falls back when its end date is over (the job's time injected); a refusal changes
 * nothing but the request; another tenant's reseller neither sees nor decides it, and a customer
 * user cannot ask (refused as not found, audited, database unchanged); recorded calls raise the 80
 * % and 100 % alerts once and the gate then refuses new calls.
 */
@ExtendWith(ArquillianExtension.class)
public class LimitRequestsIT {

  private static final ZoneId TORONTO = ZoneId.of("America/Toronto"); // the default time zone

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("usage").addClass(EverythingRated.class);
  }

  @Inject LimitRequests requests;
  @Inject UsageLimits limits;
  @Inject RaiseExpiry expiry;
  @Inject UsageMeter meter;
  @Inject CallDecisions decisions;
  @Inject CallRecorder recorder;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject UsageRows rows;
  @Inject CallDurations durations;
  @Inject DurationChanges told;

  /**
   * A new maximum call duration is told after its commit (call control caches the durations it asks
   * for on every call) and is what the next call gets; a setting left as it was and a refused one
   * are not told; removing the setting tells the default.
   */
  @Test
  void aChangedMaximumCallDurationIsToldAfterCommitAndIsTheNextCallsMaximum() {
    long account = accounts.tenants().b2();
    accounts.signInAs(Role.CUSTOMER_ADMIN, account);
    assertThat(durations.maxDuration(account)).isEqualTo(CallDurations.DEFAULT);

    limits.changeMaxCallMinutes(account, 25);
    assertThat(told.of(account)).containsExactly(Duration.ofMinutes(25));
    assertThat(durations.maxDuration(account)).isEqualTo(Duration.ofMinutes(25));

    limits.changeMaxCallMinutes(account, 25);
    assertThatThrownBy(() -> limits.changeMaxCallMinutes(account, CallDurations.MAX_MINUTES + 1))
        .isInstanceOf(LimitRefused.class);
    assertThat(told.of(account)).as("nothing changed").hasSize(1);

    limits.changeMaxCallMinutes(account, null);
    assertThat(told.of(account)).containsExactly(Duration.ofMinutes(25), CallDurations.DEFAULT);
    assertThat(durations.maxDuration(account)).isEqualTo(CallDurations.DEFAULT);
    assertThat(rows.audited(account, "USAGE_LIMITS_CHANGED")).isEqualTo(2);
  }

  @Test
  void anApprovedTemporaryRaiseRaisesTheCapAndFallsBackAfterItsEndDate() {
    Tenants t = accounts.tenants();
    users.user(Role.CUSTOMER_ADMIN, t.a1()); // receives the notices
    rows.grant(t.a1(), "50.00", null, null);
    LocalDate today = LocalDate.now(TORONTO);

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    LimitRequest asked =
        requests.request(
            t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("120.00"), "Trade show", today);
    assertThat(rows.request(asked.getId())).isEqualTo("PENDING -");
    assertThatThrownBy(() -> requests.approve(asked.getId(), null))
        .isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(requests.pending())
        .extracting(p -> p.request().getId(), PendingRequest::accountName)
        .contains(org.assertj.core.groups.Tuple.tuple(asked.getId(), accounts.name(t.a1())));
    requests.approve(asked.getId(), "OK for the show");

    assertThat(rows.caps(t.a1())).isEqualTo("120.00 - - -");
    assertThat(rows.request(asked.getId())).isEqualTo("APPROVED 50.00");
    assertThat(rows.notices(t.a1(), "LIMIT_REQUEST_APPROVED")).isEqualTo(1);
    assertThat(rows.audited(t.a1(), "LIMIT_REQUESTED")).isEqualTo(1);
    assertThat(rows.audited(t.a1(), "LIMIT_REQUEST_APPROVED")).isEqualTo(1);
    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("120.00");
    assertThatThrownBy(() -> requests.approve(asked.getId(), null))
        .isInstanceOf(LimitRefused.class);

    // The raise lasts through its end date in the account's time zone ...
    Instant lastMinute = today.plusDays(1).atStartOfDay(TORONTO).toInstant().minusSeconds(60);
    assertThat(expiry.endDue(lastMinute)).doesNotContain(asked.getId());
    assertThat(rows.caps(t.a1())).isEqualTo("120.00 - - -");

    // ... and falls back at the next midnight there.
    Instant midnight = today.plusDays(1).atStartOfDay(TORONTO).toInstant();
    assertThat(expiry.endDue(midnight)).contains(asked.getId());
    assertThat(rows.caps(t.a1())).isEqualTo("50.00 - - -");
    assertThat(rows.request(asked.getId())).isEqualTo("ENDED 50.00");
    assertThat(rows.audited(t.a1(), "LIMIT_RAISE_ENDED")).isEqualTo(1);
    assertThat(rows.notices(t.a1(), "LIMIT_RAISE_ENDED")).isEqualTo(1);
    assertThat(meter.state(t.a1(), Instant.now()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("50.00");
    assertThat(expiry.endDue(midnight.plus(Duration.ofDays(1)))).doesNotContain(asked.getId());
  }

  @Test
  void aRefusedRequestChangesNothingButItself() {
    Tenants t = accounts.tenants();
    users.user(Role.CUSTOMER_ADMIN, t.a1()); // receives the notices
    rows.grant(t.a1(), null, null, 1000);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    LimitRequest asked =
        requests.request(t.a1(), UsageCap.MONTHLY_MINUTES, new BigDecimal("5000"), "Growth", null);

    accounts.signInAs(Role.PLATFORM_ADMIN, 1L); // the platform decides anywhere below it
    requests.refuse(asked.getId(), "Not this month");

    assertThat(rows.caps(t.a1())).isEqualTo("- - 1000 -");
    assertThat(rows.request(asked.getId())).isEqualTo("REFUSED -");
    assertThat(rows.notices(t.a1(), "LIMIT_REQUEST_REFUSED")).isEqualTo(1);
    assertThat(rows.audited(t.a1(), "LIMIT_REQUEST_REFUSED")).isEqualTo(1);
    assertThatThrownBy(() -> requests.approve(asked.getId(), null))
        .isInstanceOf(LimitRefused.class);
    assertThat(rows.caps(t.a1())).isEqualTo("- - 1000 -");
  }

  @Test
  void anApprovalAboveTheResellersCapIsRefusedAndChangesNothing() {
    Tenants t = accounts.tenants();
    rows.grant(t.a(), "100.00", null, null);
    rows.grant(t.a1(), "50.00", null, null);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    LimitRequest asked =
        requests.request(t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("120.00"), "Show", null);

    accounts.signInAs(Role.PLATFORM_ADMIN, 1L);
    assertThatThrownBy(() -> requests.approve(asked.getId(), null))
        .isInstanceOfSatisfying(
            LimitRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("usage_requests.aboveParent"));

    assertThat(rows.caps(t.a1())).isEqualTo("50.00 - - -");
    assertThat(rows.request(asked.getId())).isEqualTo("PENDING -");
  }

  @Test
  void anotherTenantsResellerNeitherSeesNorDecidesAndNothingChanges() {
    Tenants t = accounts.tenants();
    rows.grant(t.a1(), "50.00", null, null);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    LimitRequest asked =
        requests.request(t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("80.00"), "Busy week", null);

    accounts.signInAs(Role.RESELLER_ADMIN, t.b());
    assertThat(requests.pending())
        .extracting(p -> p.request().getId())
        .doesNotContain(asked.getId());
    assertThatThrownBy(() -> requests.approve(asked.getId(), "mine now"))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> requests.refuse(asked.getId(), null)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> requests.approve(Long.MAX_VALUE, null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> limits.overview(t.a1())).isInstanceOf(AccessDenied.class);

    assertThat(rows.caps(t.a1())).isEqualTo("50.00 - - -");
    assertThat(rows.request(asked.getId())).isEqualTo("PENDING -");
    assertThat(rows.audited(t.b(), "ACCESS_DENIED")).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aCustomerUserCannotAskAndOwnLimitsStayBelowTheGrantedCaps() {
    Tenants t = accounts.tenants();
    rows.grant(t.a1(), "50.00", null, null);

    accounts.signInAs(Role.CUSTOMER_USER, t.a1());
    assertThatThrownBy(
            () ->
                requests.request(
                    t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("80.00"), "please", null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> limits.overview(t.a1())).isInstanceOf(AccessDenied.class);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    assertThatThrownBy(
            () ->
                requests.request(
                    t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("80.00"), "not mine", null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(
            () -> limits.changeWorking(t.a1(), new UsageCaps(BigDecimal.ONE, null, null, null)))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> limits.changeExtensionCap(t.a1(), "201", 1))
        .isInstanceOf(AccessDenied.class);
    assertThat(rows.requestsOf(t.a1())).isZero();
    assertThat(rows.audited(t.a1(), "USAGE_LIMITS_CHANGED")).isZero();

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThatThrownBy(
            () ->
                requests.request(
                    t.a1(), UsageCap.DAILY_SPEND, new BigDecimal("40.00"), "lower", null))
        .isInstanceOf(LimitRefused.class)
        .hasMessage("usage.request.notAbove");
    assertThatThrownBy(
            () ->
                requests.request(
                    t.a1(),
                    UsageCap.DAILY_SPEND,
                    new BigDecimal("80.00"),
                    "yesterday",
                    LocalDate.now(TORONTO).minusDays(1)))
        .isInstanceOf(LimitRefused.class)
        .hasMessage("usage.request.endPast");
    assertThatThrownBy(
            () ->
                limits.changeWorking(
                    t.a1(), new UsageCaps(new BigDecimal("50.01"), null, null, null)))
        .isInstanceOf(LimitRefused.class)
        .hasMessage("usage.limitAboveGranted");
    assertThat(rows.requestsOf(t.a1())).isZero();

    limits.changeWorking(t.a1(), new UsageCaps(new BigDecimal("20.00"), null, 100, 2));
    limits.changeExtensionCap(t.a1(), "201", 1);
    assertThat(limits.overview(t.a1()).caps().effective(UsageCap.DAILY_SPEND))
        .isEqualByComparingTo("20.00");
    assertThat(limits.overview(t.a1()).extensionCaps()).containsEntry("201", 1);
    assertThatThrownBy(() -> limits.changeExtensionCap(t.a1(), "20a", 1))
        .isInstanceOf(LimitRefused.class);
    limits.changeExtensionCap(t.a1(), "201", null);
    assertThat(limits.overview(t.a1()).extensionCaps()).isEmpty();
    assertThat(rows.audited(t.a1(), "USAGE_LIMITS_CHANGED")).isEqualTo(3);
  }

  @Test
  void recordedCallsRaiseEachAlertOnceAndTheGateThenRefusesNewCalls() throws InterruptedException {
    Tenants t = accounts.tenants();
    users.user(Role.CUSTOMER_ADMIN, t.a1()); // receives the notices
    rows.grant(t.a1(), null, null, 2);
    Instant start = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    assertThat(decisions.decide(AccountId.of(t.a1()), null, "+15145550101", Instant.now()).rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);

    recorder.record(outbound(t.a1(), start, 61)); // two started minutes: 100 % of 2

    waitFor(() -> rows.alerts(t.a1()) == 2);
    assertThat(rows.noticeBodies(t.a1(), "USAGE_ALERT"))
        .hasSize(2)
        .anyMatch(body -> body.contains("reached 80 % of its cap"))
        .anyMatch(body -> body.contains("reached 100 % of its cap"));
    assertThat(rows.audited(t.a1(), "USAGE_ALERT_SENT")).isEqualTo(2);
    assertThat(decisions.decide(AccountId.of(t.a1()), null, "+15145550101", Instant.now()).rule())
        .isEqualTo(DecidingRule.USAGE_LIMIT);
    assertThat(decisions.decide(AccountId.of(t.a1()), null, "911", Instant.now()).rule())
        .isEqualTo(DecidingRule.EMERGENCY_NUMBER);

    recorder.record(outbound(t.a1(), start.plusSeconds(70), 30));
    meter.invalidate(t.a1()); // a reload from the totals says the same
    // Positive signals that the third minute went through before asserting nothing was alerted
    // again: it is in the totals, and a later call of another account, recorded after it, had its
    // alerts raised by the same alert checks.
    waitFor(() -> minutesUsed(t.a1()) == 3);
    rows.grant(t.a2(), null, null, 1);
    recorder.record(outbound(t.a2(), start, 61));
    waitFor(() -> rows.alerts(t.a2()) == 2);
    assertThat(rows.alerts(t.a1())).isEqualTo(2);
    assertThat(rows.audited(t.a1(), "USAGE_ALERT_SENT")).isEqualTo(2);
    assertThat(decisions.decide(AccountId.of(t.a1()), null, "+15145550101", Instant.now()).rule())
        .isEqualTo(DecidingRule.USAGE_LIMIT);
  }

  private static CallRecord outbound(long account, Instant start, int billsec) {
    Instant answer = start.plusSeconds(2);
    String callee = "+15145550101";
    return new CallRecord(
        AccountId.of(account),
        new ExtensionNumber("201"),
        Direction.OUTBOUND,
        "+16135550100",
        callee,
        CallRecord.digitsOf(callee),
        DestinationClass.NATIONAL,
        "CA",
        start,
        answer,
        answer.plusSeconds(billsec),
        billsec,
        Disposition.ANSWERED,
        null,
        null,
        "carrier-a",
        List.of(),
        UUID.randomUUID() + "@usage.test");
  }

  private int minutesUsed(long account) {
    meter.invalidate(account);
    return meter
        .state(account, Instant.now())
        .periodicUsage()
        .getOrDefault(UsageCap.MONTHLY_MINUTES, BigDecimal.ZERO)
        .intValue();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("condition met within 10 s").isTrue();
  }
}
