package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import java.io.Serializable;
import java.util.Locale;

/**
 * One rule as the blocking page lists it.
 *
 * @param label the value as shown: the country's name for an allowed country, else the value
 * @param extension the extension it narrows, or {@code null} for the whole account
 */
public record RuleRow(long id, CustomRuleKind kind, String value, String label, String extension)
    implements Serializable {

  static RuleRow of(CallPolicyRule rule, Locale locale) {
    String label =
        rule.getKind() == CustomRuleKind.ALLOW_COUNTRY
            ? Countries.name(rule.getValue(), locale) + " (" + rule.getValue() + ")"
            : rule.getValue();
    return new RuleRow(
        rule.getId(),
        rule.getKind(),
        rule.getValue(),
        label,
        rule.getExtension() == null ? null : rule.getExtension().digits());
  }
}
