package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One account's call policy compiled for fast decisions: dial plan, toggles, allowed countries,
 * account-wide number rules, and each extension's narrowing. Built by {@link #builder}, then only
 * read.
 *
 * <p>An extension the policy does not know (none stored for it) may call internal and emergency
 * numbers only: a missing row never opens the way out. A decision without an extension (an
 * account-level destination such as a DID's continuity target) gets the account's rules alone.
 */
public final class AccountPolicy {

  private static final ExtensionPolicy UNKNOWN_EXTENSION =
      new ExtensionPolicy(ClassOfService.INTERNAL_ONLY, Toggles.NONE, RuleSet.EMPTY);

  private final long accountId;
  private final DialPlan dialPlan;
  private final Toggles toggles;
  private final Set<String> allowedCountries = new HashSet<>();
  private final RuleSet rules = new RuleSet();
  private final Map<String, ExtensionPolicy> extensions = new HashMap<>();
  private final ExtensionPolicy accountLevel;

  private AccountPolicy(long accountId, DialPlan dialPlan, Toggles toggles) {
    this.accountId = accountId;
    this.dialPlan = dialPlan;
    this.toggles = toggles;
    this.accountLevel = new ExtensionPolicy(ClassOfService.INTERNATIONAL, toggles, RuleSet.EMPTY);
  }

  /**
   * Starts the policy of {@code accountId}: {@code blockInternational}, {@code blockLongDistance},
   * {@code blockPremium} are the account's toggles.
   */
  public static Builder builder(
      long accountId,
      DialPlan dialPlan,
      boolean blockInternational,
      boolean blockLongDistance,
      boolean blockPremium) {
    return new Builder(
        new AccountPolicy(
            accountId, dialPlan, new Toggles(blockInternational, blockLongDistance, blockPremium)));
  }

  /** A policy with the defaults of a new account and no rules. */
  public static AccountPolicy defaults(long accountId, DialPlan dialPlan) {
    Toggles d = Toggles.ACCOUNT_DEFAULTS;
    return builder(
            accountId, dialPlan, d.blockInternational(), d.blockLongDistance(), d.blockPremium())
        .build();
  }

  public long accountId() {
    return accountId;
  }

  public DialPlan dialPlan() {
    return dialPlan;
  }

  Toggles toggles() {
    return toggles;
  }

  boolean allowsCountry(String region) {
    return allowedCountries.contains(region);
  }

  RuleSet rules() {
    return rules;
  }

  /** The narrowing for {@code extension}, or the account level when it is {@code null}. */
  ExtensionPolicy extension(ExtensionNumber extension) {
    if (extension == null) {
      return accountLevel;
    }
    return extensions.getOrDefault(extension.digits(), UNKNOWN_EXTENSION);
  }

  /** How many rules it holds (allowed countries, numbers, prefixes, extensions' rules). */
  public int size() {
    int size = allowedCountries.size() + rules.size();
    for (ExtensionPolicy extension : extensions.values()) {
      size += extension.rules().size();
    }
    return size;
  }

  /** Adds the account's lists and its extensions; {@link #build()} hands the policy over. */
  public static final class Builder {

    private final AccountPolicy policy;
    private final Map<String, RuleSet> extensionRules = new HashMap<>();
    private final Map<String, ExtensionPolicy> extensionSettings = new HashMap<>();
    private boolean built;

    private Builder(AccountPolicy policy) {
      this.policy = policy;
    }

    public Builder allowCountry(String region) {
      policy.allowedCountries.add(region);
      return this;
    }

    /** An always-allowed number for the whole account ({@code extension} null) or one extension. */
    public Builder allowNumber(long ruleId, ExtensionNumber extension, E164Number number) {
      rulesOf(extension).allowNumber(ruleId, number);
      return this;
    }

    public Builder blockNumber(long ruleId, ExtensionNumber extension, E164Number number) {
      rulesOf(extension).blockNumber(ruleId, number);
      return this;
    }

    public Builder blockPrefix(long ruleId, ExtensionNumber extension, String prefix) {
      rulesOf(extension).blockPrefix(ruleId, prefix);
      return this;
    }

    /** The class of service and extra blocks of {@code extension}. */
    public Builder extension(
        ExtensionNumber extension,
        ClassOfService classOfService,
        boolean blockInternational,
        boolean blockLongDistance,
        boolean blockPremium) {
      Toggles extra = new Toggles(blockInternational, blockLongDistance, blockPremium);
      extensionSettings.put(
          extension.digits(),
          new ExtensionPolicy(classOfService, policy.toggles.and(extra), RuleSet.EMPTY));
      return this;
    }

    public AccountPolicy build() {
      if (built) {
        throw new IllegalStateException("already built");
      }
      built = true;
      extensionSettings.forEach(
          (digits, settings) ->
              policy.extensions.put(
                  digits,
                  new ExtensionPolicy(
                      settings.classOfService(),
                      settings.toggles(),
                      extensionRules.getOrDefault(digits, RuleSet.EMPTY))));
      return policy;
    }

    private RuleSet rulesOf(ExtensionNumber extension) {
      return extension == null
          ? policy.rules
          : extensionRules.computeIfAbsent(extension.digits(), digits -> new RuleSet());
    }
  }
}
