package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.DialPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people type for a rule: normalized to the stored form, or refused with the reason's key. */
class RuleInputTest {

  private final NumberClassifier classifier = new NumberClassifier();
  private final DialPlan ottawa = new DialPlan("CA", List.of("613"), ExtensionRange.DEFAULT);
  private final DialPlan london = new DialPlan("GB", List.of(), ExtensionRange.DEFAULT);

  @Test
  void numbersAreStoredInE164FormHoweverTheyAreTyped() throws RuleRefused {
    assertThat(normalize(CustomRuleKind.BLOCK_NUMBER, "011 44 20 7946 0000", ottawa))
        .isEqualTo("+442079460000");
    assertThat(normalize(CustomRuleKind.ALLOW_NUMBER, "+44 (20) 7946-0000", ottawa))
        .isEqualTo("+442079460000");
    assertThat(normalize(CustomRuleKind.ALLOW_NUMBER, "555-0123", ottawa))
        .isEqualTo("+16135550123");
    assertThat(normalize(CustomRuleKind.BLOCK_NUMBER, "020 7946 0000", london))
        .isEqualTo("+442079460000");
  }

  @Test
  void emergencyExtensionsAndGarbageAreRefusedWithTheirReason() {
    assertRefused(CustomRuleKind.BLOCK_NUMBER, "911", "blocking.refused.emergency");
    assertRefused(CustomRuleKind.BLOCK_NUMBER, "112", "blocking.refused.emergency");
    assertRefused(CustomRuleKind.ALLOW_NUMBER, "911", "blocking.refused.emergencyAllowed");
    assertRefused(CustomRuleKind.BLOCK_NUMBER, "201", "blocking.refused.internal");
    assertRefused(CustomRuleKind.BLOCK_NUMBER, "call me maybe", "blocking.refused.number");
    assertRefused(
        CustomRuleKind.BLOCK_NUMBER, "<img src=x onerror=alert(1)>", "blocking.refused.number");
    assertRefused(CustomRuleKind.BLOCK_NUMBER, "   ", "blocking.refused.empty");
    assertRefused(CustomRuleKind.ALLOW_NUMBER, "+1 613 555", "blocking.refused.number");
  }

  @Test
  void prefixesAreAPlusAndDigits() throws RuleRefused {
    assertThat(normalize(CustomRuleKind.BLOCK_PREFIX, "+44 70", ottawa)).isEqualTo("+4470");
    assertRefused(CustomRuleKind.BLOCK_PREFIX, "4470", "blocking.refused.prefix");
    assertRefused(CustomRuleKind.BLOCK_PREFIX, "+44a", "blocking.refused.prefix");
    assertRefused(CustomRuleKind.BLOCK_PREFIX, "+1234567890123456", "blocking.refused.prefix");
  }

  @Test
  void areaCodesFollowTheAccountsNumberingPlan() throws RuleRefused {
    assertThat(normalize(CustomRuleKind.LOCAL_AREA_CODE, "819", ottawa)).isEqualTo("819");
    assertRefused(CustomRuleKind.LOCAL_AREA_CODE, "19", "blocking.refused.nanpAreaCode");
    assertRefused(CustomRuleKind.LOCAL_AREA_CODE, "113", "blocking.refused.nanpAreaCode");
    assertThat(normalize(CustomRuleKind.LOCAL_AREA_CODE, "20", london)).isEqualTo("20");
    assertThatThrownBy(() -> normalize(CustomRuleKind.LOCAL_AREA_CODE, "1234567", london))
        .isInstanceOf(RuleRefused.class);
  }

  @Test
  void countriesAreKnownRegionsOutsideTheAccountsOwnZone() throws RuleRefused {
    assertThat(normalize(CustomRuleKind.ALLOW_COUNTRY, "gb", ottawa)).isEqualTo("GB");
    assertRefused(CustomRuleKind.ALLOW_COUNTRY, "ZZ", "blocking.refused.country");
    assertRefused(CustomRuleKind.ALLOW_COUNTRY, "US", "blocking.refused.domestic");
    assertRefused(CustomRuleKind.ALLOW_COUNTRY, "CA", "blocking.refused.domestic");
  }

  private String normalize(CustomRuleKind kind, String typed, DialPlan plan) throws RuleRefused {
    return RuleInput.normalize(kind, typed, plan, classifier);
  }

  private void assertRefused(CustomRuleKind kind, String typed, String key) {
    assertThatThrownBy(() -> normalize(kind, typed, ottawa))
        .isInstanceOfSatisfying(
            RuleRefused.class, e -> assertThat(e.messageKey()).as(typed).isEqualTo(key));
  }
}
