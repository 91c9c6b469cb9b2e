package io.dialtone.callpolicy.control;

/**
 * The rule that decided a call, in order of precedence (the first that applies decides; see {@code
 * control.PolicyEngine}). Shown through {@code DecidingRule.<NAME>}; stored by name in the CDR's
 * block reason, so constants are never renamed.
 */
public enum DecidingRule {
  /** 1. An emergency number: always allowed, whatever else is set. */
  EMERGENCY_NUMBER(Verdict.ALLOW),
  /** 2. Not a number, or in no assigned range. */
  INVALID_NUMBER(Verdict.BLOCK),
  /** 3. One of the account's own extensions. */
  INTERNAL_EXTENSION(Verdict.ALLOW),
  /** 4. A platform-wide blocked range (high-risk prefix); customers cannot lift it. */
  PLATFORM_BLOCKED_RANGE(Verdict.BLOCK),
  /** 5. No rate for the destination (SECURITY.md E2); customers cannot lift it. */
  NO_RATE(Verdict.BLOCK),
  /** 6. A number the account or extension always allows. */
  ALWAYS_ALLOWED_NUMBER(Verdict.ALLOW),
  /** 7. A number or prefix the account or extension blocks. */
  BLOCKED_NUMBER(Verdict.BLOCK),
  /** 8. Beyond the extension's class of service. */
  CLASS_OF_SERVICE(Verdict.BLOCK),
  /** 9a. Premium rate, and premium is blocked (the default). */
  PREMIUM_BLOCKED(Verdict.BLOCK),
  /** 9b. International, and international is blocked (the default). */
  INTERNATIONAL_BLOCKED(Verdict.BLOCK),
  /** 9c. International to a country not on the allowed list (empty by default). */
  COUNTRY_NOT_ALLOWED(Verdict.BLOCK),
  /** 9d. Long distance, and long distance is blocked. */
  LONG_DISTANCE_BLOCKED(Verdict.BLOCK),
  /** 10. A usage cap (spend, minutes, concurrent calls) says no. */
  USAGE_LIMIT(Verdict.BLOCK),
  /** 11. No rule against it. */
  NO_RULE_AGAINST(Verdict.ALLOW);

  private final Verdict verdict;

  DecidingRule(Verdict verdict) {
    this.verdict = verdict;
  }

  /** What this rule decides when it applies. */
  public Verdict verdict() {
    return verdict;
  }

  /** The message bundle key, e.g. {@code DecidingRule.NO_RATE}. */
  public String messageKey() {
    return "DecidingRule." + name();
  }
}
