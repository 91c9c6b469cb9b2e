package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored rows become the compiled policy the decisions use. */
class PolicyCompilerTest {

  static final long ACCOUNT = 5;
  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
  static final ExtensionNumber RECEPTION = new ExtensionNumber("200");
  static final ExtensionNumber ATTENDANT = new ExtensionNumber("500");

  private final NumberClassifier classifier = new NumberClassifier();

  @Test
  void rowsCompileIntoTheAccountsRules() {
    AccountCallPolicy toggles = AccountCallPolicy.defaults(ACCOUNT);
    toggles.change(false, false, true);
    ExtensionCallPolicy reception =
        ExtensionCallPolicy.forNew(ACCOUNT, RECEPTION, ExtensionType.USER);
    ExtensionCallPolicy attendant =
        ExtensionCallPolicy.forNew(ACCOUNT, ATTENDANT, ExtensionType.AUTO_ATTENDANT);
    List<CallPolicyRule> rules =
        List.of(
            rule(1, null, CustomRuleKind.LOCAL_AREA_CODE, "613"),
            rule(2, null, CustomRuleKind.ALLOW_COUNTRY, "GB"),
            rule(3, null, CustomRuleKind.BLOCK_PREFIX, "+4470"),
            rule(4, RECEPTION, CustomRuleKind.BLOCK_NUMBER, "+14165550199"),
            rule(5, ATTENDANT, CustomRuleKind.ALLOW_NUMBER, "+16135550100"));

    AccountPolicy policy =
        PolicyCompiler.compile(
            ACCOUNT, "CA", ExtensionRange.DEFAULT, toggles, List.of(reception, attendant), rules);
    CallDecisions decisions =
        new CallDecisions(
            new MapPolicySource(id -> policy),
            classifier,
            RatedPrefixes.everything(),
            (a, e, c, t) -> true,
            Duration.ofMinutes(1),
            System::nanoTime);

    assertThat(policy.dialPlan().localAreaCodes()).containsExactly("613");
    assertThat(policy.size()).isEqualTo(4);
    assertThat(decide(decisions, RECEPTION, "+44 20 7946 0000").rule())
        .isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(decide(decisions, RECEPTION, "+44 7012 345678").ruleId()).isEqualTo(3L);
    assertThat(decide(decisions, RECEPTION, "416 555 0199").ruleId()).isEqualTo(4L);
    assertThat(decide(decisions, RECEPTION, "613 555 0123").classification().destination().name())
        .isEqualTo("LOCAL");
    assertThat(decide(decisions, ATTENDANT, "613 555 0100").ruleId()).isEqualTo(5L);
    assertThat(decide(decisions, ATTENDANT, "613 555 0101").rule())
        .isEqualTo(DecidingRule.CLASS_OF_SERVICE);
  }

  @Test
  void anAccountWithoutStoredTogglesGetsTheDefaults() {
    AccountPolicy policy =
        PolicyCompiler.compile(ACCOUNT, "US", ExtensionRange.DEFAULT, null, List.of(), List.of());

    assertThat(policy.toggles()).isEqualTo(Toggles.ACCOUNT_DEFAULTS);
    assertThat(policy.dialPlan().country()).isEqualTo("US");
  }

  @Test
  void newExtensionsGetTheirTypesClassOfService() {
    assertThat(
            ExtensionCallPolicy.forNew(ACCOUNT, RECEPTION, ExtensionType.VOICEMAIL)
                .getClassOfService())
        .isEqualTo(ClassOfService.INTERNAL_ONLY);
  }

  @Test
  void platformRowsCompileIntoRanges() {
    PlatformBlockedRange satellite = withId(PlatformBlockedRange.of("+881", "satellite", NOW), 8);

    PlatformRanges ranges = PolicyCompiler.compile(List.of(satellite));

    assertThat(ranges.size()).isEqualTo(1);
    assertThat(ranges.blocking(new E164Number("+881612345678"))).isEqualTo(8);
  }

  private static Decision decide(CallDecisions decisions, ExtensionNumber from, String dialled) {
    return decisions.decide(AccountId.of(ACCOUNT), from, dialled, NOW);
  }

  private static CallPolicyRule rule(
      long id, ExtensionNumber extension, CustomRuleKind kind, String value) {
    return withId(CallPolicyRule.of(ACCOUNT, extension, kind, value, NOW), id);
  }

  /** Sets the id the database would have generated. */
  static <T> T withId(T entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
