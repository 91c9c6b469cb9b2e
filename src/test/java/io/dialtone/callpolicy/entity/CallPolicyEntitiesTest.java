package io.dialtone.callpolicy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.ExtensionRange;
import io.dialtone.callpolicy.control.Verdict;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The invariants of the call policy's value types and entities. */
class CallPolicyEntitiesTest {

  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"", "16135550123", "+0123", "+1", "+1234567890123456", "+1 613"})
  void e164RejectsOtherForms(String text) {
    assertThat(E164Number.isValid(text)).isFalse();
    assertThatThrownBy(() -> new E164Number(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void e164KeepsItsDigits() {
    assertThat(new E164Number("+442079460000").digits()).isEqualTo("442079460000");
    assertThat(new E164Number("+123456789012345")).isEqualTo(new E164Number("+123456789012345"));
  }

  @ParameterizedTest
  @CsvSource({
    "ALLOW_COUNTRY, GB, true",
    "ALLOW_COUNTRY, gb, false",
    "LOCAL_AREA_CODE, 613, true",
    "LOCAL_AREA_CODE, +613, false",
    "ALLOW_NUMBER, +16135550123, true",
    "ALLOW_NUMBER, +06135550123, false",
    "BLOCK_NUMBER, 16135550123, false",
    "BLOCK_PREFIX, +4470, true",
    "BLOCK_PREFIX, +, false",
  })
  void ruleValuesHaveTheirKindsForm(CustomRuleKind kind, String value, boolean accepted) {
    assertThat(kind.accepts(value)).isEqualTo(accepted);
    if (accepted) {
      assertThat(CallPolicyRule.of(1, null, kind, value, NOW).getValue()).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> CallPolicyRule.of(1, null, kind, value, NOW))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void countriesAndAreaCodesAreForTheWholeAccountOnly() {
    ExtensionNumber extension = new ExtensionNumber("201");

    assertThatThrownBy(
            () -> CallPolicyRule.of(1, extension, CustomRuleKind.ALLOW_COUNTRY, "GB", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CallPolicyRule.of(1, extension, CustomRuleKind.LOCAL_AREA_CODE, "613", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            CallPolicyRule.of(1, extension, CustomRuleKind.BLOCK_PREFIX, "+1900", NOW)
                .getExtension())
        .isEqualTo(extension);
  }

  @Test
  void platformRangesNeedAPrefix() {
    assertThatThrownBy(() -> PlatformBlockedRange.of("881", null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlatformBlockedRange.of("+881", "x".repeat(201), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PlatformBlockedRange.of("+881", null, NOW).getPrefix()).isEqualTo("+881");
  }

  @ParameterizedTest
  @EnumSource(
      value = ExtensionType.class,
      names = {"AUTO_ATTENDANT", "VOICEMAIL", "COMMON_AREA"})
  void extensionsThatAreNotPeopleStartInternalOnly(ExtensionType type) {
    assertThat(ClassOfService.defaultFor(type)).isEqualTo(ClassOfService.INTERNAL_ONLY);
  }

  @Test
  void peoplesExtensionsStartAsFarAsTheAccountAllows() {
    assertThat(ClassOfService.defaultFor(ExtensionType.USER))
        .isEqualTo(ClassOfService.INTERNATIONAL);
  }

  @Test
  void aForeignDestinationNeedsInternationalWhateverItsClass() {
    assertThat(ClassOfService.required(DestinationClass.PREMIUM, true))
        .isEqualTo(ClassOfService.INTERNATIONAL);
    assertThat(ClassOfService.required(DestinationClass.PREMIUM, false))
        .isEqualTo(ClassOfService.NATIONAL);
    assertThat(ClassOfService.required(DestinationClass.TOLL_FREE, false))
        .isEqualTo(ClassOfService.LOCAL);
  }

  @Test
  void onlyInternationalOrPremiumDestinationsAreForeign() {
    assertThatThrownBy(() -> new Classification(DestinationClass.NATIONAL, "1", null, "GB", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Classification(DestinationClass.INTERNATIONAL, "1", null, "GB", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dialPlansCheckTheirParts() {
    assertThatThrownBy(() -> new DialPlan("ca", List.of(), ExtensionRange.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DialPlan("CA", List.of("61a"), ExtensionRange.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtensionRange(4, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtensionRange(2, 9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usAndCanadaAreDomesticToEachOtherOnly() {
    DialPlan canada = new DialPlan("CA", List.of(), ExtensionRange.DEFAULT);
    DialPlan france = new DialPlan("FR", List.of(), ExtensionRange.DEFAULT);

    assertThat(canada.domestic("US")).isTrue();
    assertThat(canada.domestic("JM")).isFalse();
    assertThat(france.domestic("FR")).isTrue();
    assertThat(france.domestic("MC")).isFalse();
  }

  @Test
  void eachDecidingRuleHasItsVerdict() {
    assertThat(DecidingRule.EMERGENCY_NUMBER.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(DecidingRule.NO_RATE.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(DecidingRule.NO_RATE.messageKey()).isEqualTo("DecidingRule.NO_RATE");
  }
}
