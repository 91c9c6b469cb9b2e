package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;

/**
 * The custom number rules of one scope (an account or one extension), compiled: always-allowed
 * numbers and blocked numbers and prefixes, each with its rule id.
 */
final class RuleSet {

  /** No rules; shared, so nothing is ever added to it. */
  static final RuleSet EMPTY = new RuleSet();

  private final PrefixTrie allowed = new PrefixTrie();
  private final PrefixTrie blocked = new PrefixTrie();

  RuleSet allowNumber(long ruleId, E164Number number) {
    allowed.addNumber(number.digits(), ruleId);
    return this;
  }

  RuleSet blockNumber(long ruleId, E164Number number) {
    blocked.addNumber(number.digits(), ruleId);
    return this;
  }

  /** Blocks every number starting with {@code prefix} ({@code +} and 1 to 15 digits). */
  RuleSet blockPrefix(long ruleId, String prefix) {
    blocked.addPrefix(CustomRules.prefixDigits(prefix), ruleId);
    return this;
  }

  /** The id of the always-allow rule for {@code number}, or {@link PrefixTrie#NONE}. */
  long allowing(E164Number number) {
    return allowed.isEmpty() ? PrefixTrie.NONE : allowed.match(number.digits());
  }

  /** The id of the most specific block rule for {@code number}, or {@link PrefixTrie#NONE}. */
  long blocking(E164Number number) {
    return blocked.isEmpty() ? PrefixTrie.NONE : blocked.match(number.digits());
  }

  int size() {
    return allowed.size() + blocked.size();
  }
}
