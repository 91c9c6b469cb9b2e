package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.kernel.entity.E164Number;
import java.util.List;

/** Turns stored rows into the compiled forms {@link CallDecisions} answers from; pure. */
final class PolicyCompiler {

  private PolicyCompiler() {}

  /**
   * The policy of an account in {@code country} with {@code toggles} (the defaults when none are
   * stored), its extensions' narrowing and its rules.
   */
  static AccountPolicy compile(
      long accountId,
      String country,
      ExtensionRange extensionRange,
      AccountCallPolicy toggles,
      List<ExtensionCallPolicy> extensions,
      List<CallPolicyRule> rules) {
    List<String> areaCodes =
        rules.stream()
            .filter(rule -> rule.getKind() == CustomRuleKind.LOCAL_AREA_CODE)
            .map(CallPolicyRule::getValue)
            .toList();
    AccountCallPolicy t = toggles != null ? toggles : AccountCallPolicy.defaults(accountId);
    AccountPolicy.Builder builder =
        AccountPolicy.builder(
            accountId,
            new DialPlan(country, areaCodes, extensionRange),
            t.isBlockInternational(),
            t.isBlockLongDistance(),
            t.isBlockPremium());
    for (ExtensionCallPolicy e : extensions) {
      builder.extension(
          e.getExtension(),
          e.getClassOfService(),
          e.isBlockInternational(),
          e.isBlockLongDistance(),
          e.isBlockPremium());
    }
    for (CallPolicyRule rule : rules) {
      long id = rule.getId();
      switch (rule.getKind()) {
        case ALLOW_COUNTRY -> builder.allowCountry(rule.getValue());
        case LOCAL_AREA_CODE -> {
          // part of the dial plan above
        }
        case ALLOW_NUMBER ->
            builder.allowNumber(id, rule.getExtension(), new E164Number(rule.getValue()));
        case BLOCK_NUMBER ->
            builder.blockNumber(id, rule.getExtension(), new E164Number(rule.getValue()));
        case BLOCK_PREFIX -> builder.blockPrefix(id, rule.getExtension(), rule.getValue());
      }
    }
    return builder.build();
  }

  static PlatformRanges compile(List<PlatformBlockedRange> ranges) {
    PlatformRanges compiled = PlatformRanges.none();
    for (PlatformBlockedRange range : ranges) {
      compiled.block(range.getId(), range.getPrefix());
    }
    return compiled;
  }
}
