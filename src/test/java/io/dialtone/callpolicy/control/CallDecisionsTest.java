package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every step of the precedence of {@link PolicyEngine}, through {@link CallDecisions}. */
class CallDecisionsTest {

  static final long ACCOUNT = 42;
  static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
  static final DialPlan OTTAWA = NumberClassifierTest.plan("CA", "613");
  static final ExtensionNumber USER = new ExtensionNumber("201");
  static final ExtensionNumber OTHER_USER = new ExtensionNumber("202");
  static final ExtensionNumber LOBBY = new ExtensionNumber("301");
  static final ExtensionNumber UNKNOWN = new ExtensionNumber("999");
  static final String LONDON = "+44 20 7946 0000";
  static final String TORONTO = "416 555 0199";
  static final String OTTAWA_NUMBER = "613 555 0123";

  private final NumberClassifier classifier = new NumberClassifier();
  private final List<ExtensionNumber> gateAsked = new ArrayList<>();
  private RateLookup rates = RatedPrefixes.everything();
  private boolean gateAdmits = true;

  /** International open to GB, premium blocked, long distance open; 201 and 202 international. */
  private AccountPolicy.Builder openToGb() {
    return AccountPolicy.builder(ACCOUNT, OTTAWA, false, false, true)
        .allowCountry("GB")
        .extension(USER, ClassOfService.INTERNATIONAL, false, false, false)
        .extension(OTHER_USER, ClassOfService.INTERNATIONAL, false, false, false)
        .extension(LOBBY, ClassOfService.INTERNAL_ONLY, false, false, false);
  }

  private CallDecisions decisions(AccountPolicy policy, PlatformRanges platform) {
    UsageGate gate =
        (account, extension, destination, at) -> {
          gateAsked.add(extension);
          return gateAdmits;
        };
    return new CallDecisions(
        new MapPolicySource(id -> AccountPolicy.defaults(id, OTTAWA))
            .put(policy)
            .platform(platform),
        classifier,
        rates,
        gate,
        Duration.ofMinutes(1),
        System::nanoTime);
  }

  private Decision decide(AccountPolicy policy, ExtensionNumber extension, String dialled) {
    return decisions(policy, PlatformRanges.none())
        .decide(AccountId.of(ACCOUNT), extension, dialled, NOW);
  }

  // 1. Emergency: allowed whatever else is set.

  @ParameterizedTest
  @ValueSource(strings = {"911", "933", "112"})
  void emergencyIsAllowedWithEverythingBlocked(String dialled) {
    AccountPolicy shut =
        AccountPolicy.builder(ACCOUNT, OTTAWA, true, true, true)
            .blockPrefix(1, null, "+9")
            .blockPrefix(2, null, "+1")
            .blockPrefix(3, LOBBY, "+9")
            .extension(LOBBY, ClassOfService.INTERNAL_ONLY, true, true, true)
            .build();
    rates = new RatedPrefixes();
    gateAdmits = false;
    PlatformRanges platform = PlatformRanges.none();
    for (int digit = 0; digit <= 9; digit++) {
      platform.block(100 + digit, "+" + digit);
    }
    CallDecisions decisions = decisions(shut, platform);

    for (ExtensionNumber from : List.of(LOBBY, UNKNOWN, USER)) {
      Decision decision = decisions.decide(AccountId.of(ACCOUNT), from, dialled, NOW);
      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.rule()).isEqualTo(DecidingRule.EMERGENCY_NUMBER);
      assertThat(decision.classification().destination()).isEqualTo(DestinationClass.EMERGENCY);
    }
    assertThat(gateAsked).isEmpty();
  }

  // 2. Invalid or unassigned.

  @Test
  void anUnassignedNumberIsBlockedEvenWhenAlwaysAllowed() {
    AccountPolicy policy = openToGb().allowNumber(5, null, new E164Number("+15555555555")).build();

    Decision decision = decide(policy, USER, "+1 555 555 5555");

    assertThat(decision.rule()).isEqualTo(DecidingRule.INVALID_NUMBER);
    assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hello", "+", "613 555 0123 ext 4"})
  void garbageIsBlocked(String dialled) {
    assertThat(decide(openToGb().build(), USER, dialled).rule())
        .isEqualTo(DecidingRule.INVALID_NUMBER);
  }

  // 3. Internal.

  @Test
  void internalCallsAreAllowedEvenFromInternalOnlyOrUnknownExtensions() {
    gateAdmits = false;
    AccountPolicy policy = openToGb().build();

    assertThat(decide(policy, LOBBY, "202").rule()).isEqualTo(DecidingRule.INTERNAL_EXTENSION);
    assertThat(decide(policy, UNKNOWN, "202").rule()).isEqualTo(DecidingRule.INTERNAL_EXTENSION);
    assertThat(decide(policy, USER, "202").classification().digits()).isEqualTo("202");
  }

  // 4. Platform ranges: no customer rule lifts them.

  @Test
  void platformRangeBeatsAlwaysAllowedNumber() {
    AccountPolicy policy =
        openToGb()
            .allowNumber(5, null, new E164Number("+442079460000"))
            .allowNumber(6, USER, new E164Number("+442079460000"))
            .build();
    PlatformRanges platform = PlatformRanges.none().block(77, "+4420").block(78, "+881");

    Decision decision =
        decisions(policy, platform).decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);

    assertThat(decision.rule()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(decision.ruleId()).isEqualTo(77L);
    assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void platformRangeAppliesToDomesticNumbersToo() {
    PlatformRanges platform = PlatformRanges.none().block(80, "+1613555");

    Decision decision =
        decisions(openToGb().build(), platform)
            .decide(AccountId.of(ACCOUNT), USER, OTTAWA_NUMBER, NOW);

    assertThat(decision.rule()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(decision.ruleId()).isEqualTo(80L);
  }

  // 5. No rate: no customer rule lifts it.

  @Test
  void unratedDestinationIsBlockedEvenWhenAlwaysAllowed() {
    rates = new RatedPrefixes("+1");
    AccountPolicy policy = openToGb().allowNumber(5, null, new E164Number("+442079460000")).build();

    assertThat(decide(policy, USER, LONDON).rule()).isEqualTo(DecidingRule.NO_RATE);
    assertThat(decide(policy, USER, TORONTO).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
  }

  // 6. Always-allowed numbers: above custom blocks, class of service and toggles.

  @Test
  void alwaysAllowedNumberBeatsBlocksClassOfServiceAndToggles() {
    AccountPolicy policy =
        AccountPolicy.builder(ACCOUNT, OTTAWA, true, true, true)
            .extension(LOBBY, ClassOfService.INTERNAL_ONLY, true, true, true)
            .blockPrefix(1, null, "+44")
            .blockNumber(2, LOBBY, new E164Number("+442079460000"))
            .allowNumber(3, null, new E164Number("+442079460000"))
            .build();

    Decision decision = decide(policy, LOBBY, LONDON);

    assertThat(decision.rule()).isEqualTo(DecidingRule.ALWAYS_ALLOWED_NUMBER);
    assertThat(decision.ruleId()).isEqualTo(3L);
    assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decision.classification().number()).hasToString("+442079460000");
  }

  @Test
  void anExtensionsAlwaysAllowedNumberIsItsOwn() {
    AccountPolicy policy =
        openToGb()
            .extension(LOBBY, ClassOfService.INTERNAL_ONLY, false, false, false)
            .allowNumber(9, LOBBY, new E164Number("+14165550199"))
            .build();

    assertThat(decide(policy, LOBBY, TORONTO).rule()).isEqualTo(DecidingRule.ALWAYS_ALLOWED_NUMBER);
    assertThat(decide(policy, LOBBY, TORONTO).ruleId()).isEqualTo(9L);
    assertThat(decide(policy, LOBBY, "416 555 0198").rule())
        .isEqualTo(DecidingRule.CLASS_OF_SERVICE);
  }

  // 7. Custom blocks: the most specific entry names the rule.

  @Test
  void blockedPrefixBeatsClassOfServiceAndOpenToggles() {
    AccountPolicy policy = openToGb().blockPrefix(11, null, "+44").build();

    Decision decision = decide(policy, USER, LONDON);

    assertThat(decision.rule()).isEqualTo(DecidingRule.BLOCKED_NUMBER);
    assertThat(decision.ruleId()).isEqualTo(11L);
  }

  @Test
  void theMostSpecificBlockNamesTheRule() {
    AccountPolicy policy =
        openToGb()
            .blockPrefix(11, null, "+44")
            .blockPrefix(12, null, "+4420794")
            .blockNumber(13, null, new E164Number("+442079460000"))
            .build();

    assertThat(decide(policy, USER, LONDON).ruleId()).isEqualTo(13L);
    assertThat(decide(policy, USER, "+44 20 7946 0001").ruleId()).isEqualTo(12L);
    assertThat(decide(policy, USER, "+44 161 496 0000").ruleId()).isEqualTo(11L);
  }

  @Test
  void anExtensionsBlockNarrowsOnlyThatExtension() {
    AccountPolicy policy = openToGb().blockPrefix(21, USER, "+1416").build();

    assertThat(decide(policy, USER, TORONTO).rule()).isEqualTo(DecidingRule.BLOCKED_NUMBER);
    assertThat(decide(policy, USER, TORONTO).ruleId()).isEqualTo(21L);
    assertThat(decide(policy, OTHER_USER, TORONTO).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
  }

  @Test
  void anExtensionsBlockedNumberIsNotLiftedByItself() {
    AccountPolicy policy = openToGb().blockNumber(22, USER, new E164Number("+14165550199")).build();

    assertThat(decide(policy, USER, TORONTO).ruleId()).isEqualTo(22L);
  }

  // 8. Class of service.

  @ParameterizedTest(name = "{0} dialling {1} → {2}")
  @CsvSource({
    "INTERNAL_ONLY, 613 555 0123,         CLASS_OF_SERVICE",
    "INTERNAL_ONLY, 1 800 267 2001,       CLASS_OF_SERVICE",
    "LOCAL,         613 555 0123,         NO_RULE_AGAINST",
    "LOCAL,         1 800 267 2001,       NO_RULE_AGAINST",
    "LOCAL,         416 555 0199,         CLASS_OF_SERVICE",
    "LOCAL,         1 900 234 5678,       CLASS_OF_SERVICE",
    "LOCAL,         +44 20 7946 0000,     CLASS_OF_SERVICE",
    "NATIONAL,      416 555 0199,         NO_RULE_AGAINST",
    "NATIONAL,      1 212 736 5000,       NO_RULE_AGAINST",
    "NATIONAL,      1 900 234 5678,       PREMIUM_BLOCKED",
    "NATIONAL,      +44 20 7946 0000,     CLASS_OF_SERVICE",
    "NATIONAL,      +1 876 927 1234,      CLASS_OF_SERVICE",
    "INTERNATIONAL, +44 20 7946 0000,     NO_RULE_AGAINST",
    "INTERNATIONAL, +1 876 927 1234,      COUNTRY_NOT_ALLOWED",
  })
  void classOfServiceLimitsHowFarAnExtensionCalls(
      ClassOfService classOfService, String dialled, DecidingRule expected) {
    AccountPolicy policy = openToGb().extension(USER, classOfService, false, false, false).build();

    assertThat(decide(policy, USER, dialled).rule()).isEqualTo(expected);
  }

  @Test
  void anExtensionWithoutStoredPolicyMayOnlyCallInside() {
    Decision decision = decide(openToGb().build(), UNKNOWN, OTTAWA_NUMBER);

    assertThat(decision.rule()).isEqualTo(DecidingRule.CLASS_OF_SERVICE);
  }

  @Test
  void anAccountLevelDestinationHasTheAccountsRulesOnly() {
    AccountPolicy policy = openToGb().build();

    assertThat(decide(policy, null, LONDON).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decide(policy, null, "1 900 234 5678").rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
  }

  // 9. Class toggles and the allowed countries.

  @Test
  void newAccountBlocksPremiumAndInternationalButNotLongDistance() {
    AccountPolicy defaults =
        AccountPolicy.builder(ACCOUNT, OTTAWA, true, false, true)
            .extension(USER, ClassOfService.INTERNATIONAL, false, false, false)
            .build();

    assertThat(decide(defaults, USER, "1 900 234 5678").rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
    assertThat(decide(defaults, USER, "+33 8 99 12 34 56").rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
    assertThat(decide(defaults, USER, "416 976 1234").rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
    assertThat(decide(defaults, USER, LONDON).rule()).isEqualTo(DecidingRule.INTERNATIONAL_BLOCKED);
    assertThat(decide(defaults, USER, TORONTO).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decide(defaults, USER, "1 800 267 2001").rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);
  }

  @Test
  void theDefaultsOfAnAccountWithNothingStoredAreTheSame() {
    CallDecisions decisions =
        new CallDecisions(
            new MapPolicySource(id -> AccountPolicy.defaults(id, OTTAWA)),
            classifier,
            rates,
            (a, e, d, t) -> true,
            Duration.ofMinutes(1),
            System::nanoTime);

    assertThat(decisions.decide(AccountId.of(7), null, LONDON, NOW).rule())
        .isEqualTo(DecidingRule.INTERNATIONAL_BLOCKED);
    assertThat(decisions.decide(AccountId.of(7), null, "1 900 234 5678", NOW).rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
  }

  @Test
  void internationalNeedsTheCountryOnTheList() {
    AccountPolicy noCountry =
        AccountPolicy.builder(ACCOUNT, OTTAWA, false, false, true)
            .extension(USER, ClassOfService.INTERNATIONAL, false, false, false)
            .build();

    Decision decision = decide(noCountry, USER, LONDON);

    assertThat(decision.rule()).isEqualTo(DecidingRule.COUNTRY_NOT_ALLOWED);
    assertThat(decision.classification().country()).isEqualTo("GB");
    assertThat(decide(openToGb().build(), USER, LONDON).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void premiumAllowedStillNeedsItsCountryWhenAbroad() {
    AccountPolicy policy =
        AccountPolicy.builder(ACCOUNT, OTTAWA, false, false, false)
            .allowCountry("GB")
            .extension(USER, ClassOfService.INTERNATIONAL, false, false, false)
            .build();

    assertThat(decide(policy, USER, "+44 9065 123456").rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decide(policy, USER, "+33 8 99 12 34 56").rule())
        .isEqualTo(DecidingRule.COUNTRY_NOT_ALLOWED);
  }

  @Test
  void longDistanceToggleBlocksNationalButNotLocalOrTollFree() {
    AccountPolicy policy =
        AccountPolicy.builder(ACCOUNT, OTTAWA, true, true, true)
            .extension(USER, ClassOfService.INTERNATIONAL, false, false, false)
            .build();

    assertThat(decide(policy, USER, TORONTO).rule()).isEqualTo(DecidingRule.LONG_DISTANCE_BLOCKED);
    assertThat(decide(policy, USER, "1 212 736 5000").rule())
        .isEqualTo(DecidingRule.LONG_DISTANCE_BLOCKED);
    assertThat(decide(policy, USER, OTTAWA_NUMBER).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decide(policy, USER, "1 800 267 2001").rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);
  }

  @Test
  void anExtensionsTogglesOnlyAddBlocks() {
    AccountPolicy policy =
        openToGb().extension(USER, ClassOfService.INTERNATIONAL, true, true, false).build();

    assertThat(decide(policy, USER, LONDON).rule()).isEqualTo(DecidingRule.INTERNATIONAL_BLOCKED);
    assertThat(decide(policy, USER, TORONTO).rule()).isEqualTo(DecidingRule.LONG_DISTANCE_BLOCKED);
    assertThat(decide(policy, USER, "1 900 234 5678").rule())
        .as("premium stays blocked by the account although the extension does not block it")
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
    assertThat(decide(policy, OTHER_USER, LONDON).rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
  }

  // 10. Usage gate: last, and only when every rule allowed.

  @Test
  void theUsageGateIsAskedLastAndCanBlock() {
    gateAdmits = false;
    AccountPolicy policy = openToGb().build();

    assertThat(decide(policy, USER, "1 900 234 5678").rule())
        .isEqualTo(DecidingRule.PREMIUM_BLOCKED);
    assertThat(gateAsked).isEmpty();

    Decision decision = decide(policy, USER, LONDON);

    assertThat(decision.rule()).isEqualTo(DecidingRule.USAGE_LIMIT);
    assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(gateAsked).containsExactly(USER);
  }

  // 11. Nothing against it.

  @Test
  void anAllowedCallCarriesItsClassification() {
    Decision decision = decide(openToGb().build(), USER, LONDON);

    assertThat(decision.rule()).isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decision.ruleId()).isNull();
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.classification().destination()).isEqualTo(DestinationClass.INTERNATIONAL);
    assertThat(decision.classification().number()).hasToString("+442079460000");
  }

  // The cache.

  @Test
  void compiledRulesAreReusedUntilInvalidated() {
    MapPolicySource source =
        new MapPolicySource(id -> AccountPolicy.defaults(id, OTTAWA)).put(openToGb().build());
    CallDecisions decisions =
        new CallDecisions(
            source,
            classifier,
            rates,
            (a, e, d, t) -> true,
            Duration.ofMinutes(1),
            System::nanoTime);

    decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);
    decisions.decide(AccountId.of(ACCOUNT), USER, TORONTO, NOW);
    assertThat(source.accountLoads).isEqualTo(1);
    assertThat(source.platformLoads).isEqualTo(1);

    source.put(openToGb().blockPrefix(31, null, "+44").build());
    assertThat(decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW).rule())
        .as("stale until invalidated")
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);

    decisions.invalidate(ACCOUNT);
    assertThat(decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW).rule())
        .isEqualTo(DecidingRule.BLOCKED_NUMBER);
    assertThat(source.accountLoads).isEqualTo(2);
  }

  @Test
  void changeEventsInvalidateTheAccountOrThePlatform() {
    MapPolicySource source =
        new MapPolicySource(id -> AccountPolicy.defaults(id, OTTAWA)).put(openToGb().build());
    CallDecisions decisions =
        new CallDecisions(
            source,
            classifier,
            rates,
            (a, e, d, t) -> true,
            Duration.ofMinutes(1),
            System::nanoTime);
    decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);

    source.platform(PlatformRanges.none().block(90, "+44"));
    decisions.changed(CallPolicyChanged.platform());
    Decision decision = decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);

    assertThat(decision.rule()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(source.platformLoads).isEqualTo(2);
    assertThat(source.accountLoads).isEqualTo(1);

    decisions.changed(CallPolicyChanged.account(ACCOUNT));
    decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);
    assertThat(source.accountLoads).isEqualTo(2);
  }

  @Test
  void compiledRulesAreReloadedWhenOlderThanTheMaximumAge() {
    MapPolicySource source =
        new MapPolicySource(id -> AccountPolicy.defaults(id, OTTAWA)).put(openToGb().build());
    long[] nanos = {0};
    CallDecisions decisions =
        new CallDecisions(
            source,
            classifier,
            rates,
            (a, e, d, t) -> true,
            Duration.ofSeconds(60),
            () -> nanos[0]);
    decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW);

    source.put(openToGb().blockPrefix(31, null, "+44").build());
    source.platform(PlatformRanges.none().block(90, "+1416"));
    nanos[0] = Duration.ofSeconds(59).toNanos();
    assertThat(decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW).rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);

    nanos[0] = Duration.ofSeconds(60).toNanos();
    assertThat(decisions.decide(AccountId.of(ACCOUNT), USER, LONDON, NOW).rule())
        .isEqualTo(DecidingRule.BLOCKED_NUMBER);
    assertThat(decisions.decide(AccountId.of(ACCOUNT), USER, TORONTO, NOW).rule())
        .isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(source.accountLoads).isEqualTo(2);
    assertThat(source.platformLoads).isEqualTo(2);
  }
}
