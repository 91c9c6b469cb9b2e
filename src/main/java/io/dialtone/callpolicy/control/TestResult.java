package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.CustomRuleKind;

/**
 * The rule tester's answer: the decision and, when a stored rule decided, what that rule says.
 *
 * @param ruleKind the kind of the customer rule that decided, or {@code null}
 * @param ruleValue that rule's value, or the platform range's prefix, or {@code null}
 * @param ruleExtension the extension the customer rule belongs to, or {@code null} (the account)
 */
public record TestResult(
    Decision decision, CustomRuleKind ruleKind, String ruleValue, String ruleExtension) {

  /** Whether a customer rule (one the account's administrators can edit) decided. */
  public boolean customerRule() {
    return ruleKind != null;
  }
}
