package io.dialtone.callpolicy.control;

import java.util.Objects;

/**
 * The answer to "may this extension call this dialled string now?".
 *
 * @param rule the rule that decided; its {@link DecidingRule#verdict()} is the verdict
 * @param ruleId the id of the stored rule that matched ({@code call_policy_rule} or {@code
 *     platform_blocked_range}), or {@code null} when the rule is a toggle or built in
 * @param classification what was dialled
 */
public record Decision(DecidingRule rule, Long ruleId, Classification classification) {

  public Decision {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(classification);
  }

  public Verdict verdict() {
    return rule.verdict();
  }

  public boolean allowed() {
    return verdict() == Verdict.ALLOW;
  }
}
