package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.callpolicy.control.AccountPolicy;
import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.ExtensionRange;
import io.dialtone.callpolicy.control.NumberClassifier;
import io.dialtone.callpolicy.control.PlatformRanges;
import io.dialtone.callpolicy.control.PolicySource;
import io.dialtone.callpolicy.control.RatedPrefixes;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage gate on in-memory state: spend and minutes caps, concurrent calls of the account and of
 * an extension, reloads, and the decision it gives through the call policy.
 */
class CapGateTest {

  static final long ACCOUNT = 42;
  static final Instant NOW = Instant.parse("2026-11-28T15:00:00Z");
  static final ExtensionNumber USER = new ExtensionNumber("201");
  static final DialPlan OTTAWA = new DialPlan("CA", List.of("613"), ExtensionRange.DEFAULT);

  /** What the "database" holds: caps, extension caps and the day's and month's usage. */
  UsageCaps granted = UsageCaps.NONE;

  UsageCaps working = UsageCaps.NONE;
  Map<String, Integer> extensionCaps = Map.of();
  BigDecimal daySpend = BigDecimal.ZERO;
  BigDecimal monthSpend = BigDecimal.ZERO;
  long monthMinutes;
  int loads;
  final AtomicLong ticker = new AtomicLong();

  ActiveCalls active = new ActiveCalls();
  UsageMeter meter = new UsageMeter();
  CapGate gate = new CapGate();

  @BeforeEach
  void wire() {
    meter.source =
        new UsageSource() {
          @Override
          public UsageState load(long accountId, Instant at) {
            loads++;
            return new UsageState(
                accountId,
                ZoneId.of("America/Toronto"),
                "CAD",
                new CapSet(granted, working),
                extensionCaps,
                LocalDate.ofInstant(at, ZoneId.of("America/Toronto")),
                daySpend,
                monthSpend,
                monthMinutes);
          }
        };
    meter.maxAgeSeconds = 60;
    meter.ticker = ticker::get;
    meter.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    gate.meter = meter;
    gate.active = active;
    active.capAlerts =
        new CallCapAlerts() {
          @Override
          public void started(long accountId, int calls) {
            // alerts are CallCapAlertsTest's subject
          }
        };
  }

  @Test
  void withoutCapsEveryCallIsAdmitted() {
    daySpend = new BigDecimal("1000000");
    active.callStarted(AccountId.of(ACCOUNT), new ExtensionNumber("201"));
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isTrue();
  }

  @Test
  void aReachedSpendOrMinutesCapRefusesNewCalls() {
    granted = new UsageCaps(new BigDecimal("50.00"), null, null, null);
    daySpend = new BigDecimal("49.99");
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isTrue();

    daySpend = new BigDecimal("50.00");
    meter.invalidate(ACCOUNT);
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isFalse();

    granted = UsageCaps.NONE;
    working = new UsageCaps(null, null, 120, null);
    monthMinutes = 120;
    meter.invalidate(ACCOUNT);
    assertThat(gate.admits(AccountId.of(ACCOUNT), null, null, NOW)).isFalse();
  }

  @Test
  void recordedCallsAreAddedInMemoryWithoutAReload() {
    granted = new UsageCaps(null, new BigDecimal("100.00"), null, null);
    monthSpend = new BigDecimal("99.00");
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isTrue();
    assertThat(loads).isEqualTo(1);

    meter.state(ACCOUNT, NOW).add(LocalDate.of(2026, 11, 28), new BigDecimal("1.00"), 1);

    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isFalse();
    assertThat(loads).isEqualTo(1);
  }

  @Test
  void theStateIsReloadedAfterItsMaximumAgeAndOnANewDay() {
    gate.admits(AccountId.of(ACCOUNT), USER, null, NOW);
    gate.admits(AccountId.of(ACCOUNT), USER, null, NOW);
    assertThat(loads).isEqualTo(1);

    ticker.addAndGet(Duration.ofSeconds(61).toNanos());
    gate.admits(AccountId.of(ACCOUNT), USER, null, NOW);
    assertThat(loads).isEqualTo(2);

    gate.admits(AccountId.of(ACCOUNT), USER, null, NOW.plus(Duration.ofHours(16)));
    assertThat(loads).isEqualTo(3);
  }

  @Test
  void concurrentCallsOfTheAccountAndOfTheExtensionAreCapped() {
    granted = new UsageCaps(null, null, null, 3);
    working = new UsageCaps(null, null, null, 2);
    extensionCaps = Map.of("201", 1);

    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isTrue();
    active.callStarted(AccountId.of(ACCOUNT), new ExtensionNumber("201"));
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW))
        .isFalse(); // 201 at its cap of 1
    assertThat(gate.admits(AccountId.of(ACCOUNT), new ExtensionNumber("202"), null, NOW)).isTrue();
    active.callStarted(AccountId.of(ACCOUNT), new ExtensionNumber("202"));
    assertThat(gate.admits(AccountId.of(ACCOUNT), new ExtensionNumber("203"), null, NOW))
        .isFalse(); // account at its own limit of 2, below the granted 3
    active.callEnded(AccountId.of(ACCOUNT), new ExtensionNumber("201"));
    assertThat(gate.admits(AccountId.of(ACCOUNT), USER, null, NOW)).isTrue();
    active.callEnded(AccountId.of(ACCOUNT), new ExtensionNumber("201"));
    assertThat(active.of(AccountId.of(ACCOUNT), new ExtensionNumber("201")))
        .isZero(); // never below zero
  }

  @Test
  void aRingGroupsAnsweredCallCountsForItsMemberAndNotTwiceForTheAccount() {
    extensionCaps = Map.of("201", 1);
    AccountId account = AccountId.of(ACCOUNT);
    active.callStarted(account, null); // the group call, counted for the account as it starts

    assertThat(gate.extensionAtCap(account, USER, NOW)).isFalse();
    active.extensionCallStarted(account, USER); // 201 answered it
    assertThat(gate.extensionAtCap(account, USER, NOW)).isTrue();
    assertThat(gate.admits(account, USER, null, NOW)).as("201 calls out: at its cap").isFalse();
    assertThat(active.of(account)).isEqualTo(1);
    assertThat(gate.extensionAtCap(account, new ExtensionNumber("202"), NOW))
        .as("no cap: never at it")
        .isFalse();

    active.extensionCallEnded(account, USER);
    active.callEnded(account, null);
    assertThat(gate.extensionAtCap(account, USER, NOW)).isFalse();
    assertThat(active.of(account)).isZero();
  }

  @Test
  void aRefusalIsDecidedAsAUsageLimitByTheCallPolicy() {
    granted = new UsageCaps(new BigDecimal("5.00"), null, null, null);
    daySpend = new BigDecimal("5.00");
    CallDecisions decisions =
        new CallDecisions(
            new PolicySource() {
              @Override
              public AccountPolicy load(long accountId) {
                return AccountPolicy.defaults(accountId, OTTAWA);
              }

              @Override
              public PlatformRanges platformRanges() {
                return PlatformRanges.none();
              }
            },
            new NumberClassifier(),
            RatedPrefixes.everything(),
            gate,
            Duration.ofMinutes(1),
            System::nanoTime);

    assertThat(decisions.decide(AccountId.of(ACCOUNT), null, "613 555 0123", NOW).rule())
        .isEqualTo(DecidingRule.USAGE_LIMIT);
    assertThat(decisions.decide(AccountId.of(ACCOUNT), null, "911", NOW).rule())
        .isEqualTo(DecidingRule.EMERGENCY_NUMBER);
  }

  @Test
  void eachThresholdIsAlertedOncePerPeriodByThisNode() {
    granted = new UsageCaps(new BigDecimal("50.00"), new BigDecimal("1000.00"), null, null);
    daySpend = new BigDecimal("40.00");
    monthSpend = new BigDecimal("40.00");
    List<String> raised = new ArrayList<>();
    meter.alerts =
        new UsageAlerts() {
          @Override
          public boolean raise(
              long accountId,
              io.dialtone.usage.entity.UsageCap cap,
              LocalDate period,
              int level,
              BigDecimal used,
              BigDecimal limit,
              String currency) {
            raised.add(cap + " " + period + " " + level + " " + used.toPlainString());
            return true;
          }
        };

    meter.checkAlerts(ACCOUNT);
    meter.checkAlerts(ACCOUNT);
    assertThat(raised).containsExactly("DAILY_SPEND 2026-11-28 80 40.00");

    meter.state(ACCOUNT, NOW).add(LocalDate.of(2026, 11, 28), new BigDecimal("10.00"), 1);
    meter.checkAlerts(ACCOUNT);
    meter.checkAlerts(ACCOUNT);
    assertThat(raised)
        .containsExactly("DAILY_SPEND 2026-11-28 80 40.00", "DAILY_SPEND 2026-11-28 100 50.00");
  }
}
