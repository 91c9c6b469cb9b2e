package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Instant;

/**
 * The precedence of the call policy, on compiled rules, without I/O. The first step that applies
 * decides:
 *
 * <ol>
 *   <li>emergency number → ALLOW, always (nothing below can block it);
 *   <li>invalid or unassigned number → BLOCK;
 *   <li>one of the account's extensions → ALLOW;
 *   <li>platform-wide blocked range → BLOCK (no customer rule lifts it);
 *   <li>no rate for the destination → BLOCK (E2; no customer rule lifts it either: what cannot be
 *       billed cannot be allowed);
 *   <li>always-allowed number (the extension's or the account's) → ALLOW, above every customer
 *       block, class of service included (the lobby phone that may call only the taxi);
 *   <li>blocked number or prefix (the extension's, then the account's) → BLOCK;
 *   <li>beyond the extension's class of service → BLOCK;
 *   <li>class toggles: premium blocked, then (foreign) international blocked or country not on the
 *       allowed list, then (national) long distance blocked → BLOCK;
 *   <li>usage gate (caps, concurrency; another component) → BLOCK when it refuses;
 *   <li>otherwise ALLOW.
 * </ol>
 */
final class PolicyEngine {

  private final RateLookup rates;
  private final UsageGate usage;

  PolicyEngine(RateLookup rates, UsageGate usage) {
    this.rates = rates;
    this.usage = usage;
  }

  Decision decide(
      AccountPolicy account,
      PlatformRanges platform,
      ExtensionNumber extension,
      Classification call,
      Instant at) {
    DestinationClass destination = call.destination();
    switch (destination) {
      case EMERGENCY -> {
        return decided(DecidingRule.EMERGENCY_NUMBER, call);
      }
      case INVALID, UNKNOWN -> {
        return decided(DecidingRule.INVALID_NUMBER, call);
      }
      case INTERNAL -> {
        return decided(DecidingRule.INTERNAL_EXTENSION, call);
      }
      default -> {
        // an outside number: the rules below
      }
    }
    E164Number number = call.number();
    long id = platform.blocking(number);
    if (id != PrefixTrie.NONE) {
      return decided(DecidingRule.PLATFORM_BLOCKED_RANGE, id, call);
    }
    if (!rates.isRated(number, destination)) {
      return decided(DecidingRule.NO_RATE, call);
    }
    ExtensionPolicy scope = account.extension(extension);
    if ((id = scope.rules().allowing(number)) != PrefixTrie.NONE
        || (id = account.rules().allowing(number)) != PrefixTrie.NONE) {
      return decided(DecidingRule.ALWAYS_ALLOWED_NUMBER, id, call);
    }
    if ((id = scope.rules().blocking(number)) != PrefixTrie.NONE
        || (id = account.rules().blocking(number)) != PrefixTrie.NONE) {
      return decided(DecidingRule.BLOCKED_NUMBER, id, call);
    }
    if (!scope.classOfService().permits(destination, call.foreign())) {
      return decided(DecidingRule.CLASS_OF_SERVICE, call);
    }
    DecidingRule toggle = toggle(account, scope.toggles(), call);
    if (toggle != null) {
      return decided(toggle, call);
    }
    if (!usage.admits(AccountId.of(account.accountId()), extension, call, at)) {
      return decided(DecidingRule.USAGE_LIMIT, call);
    }
    return decided(DecidingRule.NO_RULE_AGAINST, call);
  }

  private static DecidingRule toggle(AccountPolicy account, Toggles toggles, Classification call) {
    if (call.destination() == DestinationClass.PREMIUM && toggles.blockPremium()) {
      return DecidingRule.PREMIUM_BLOCKED;
    }
    if (call.foreign()) {
      if (toggles.blockInternational()) {
        return DecidingRule.INTERNATIONAL_BLOCKED;
      }
      if (!account.allowsCountry(call.country())) {
        return DecidingRule.COUNTRY_NOT_ALLOWED;
      }
    } else if (call.destination() == DestinationClass.NATIONAL && toggles.blockLongDistance()) {
      return DecidingRule.LONG_DISTANCE_BLOCKED;
    }
    return null;
  }

  private static Decision decided(DecidingRule rule, Classification call) {
    return new Decision(rule, null, call);
  }

  private static Decision decided(DecidingRule rule, long ruleId, Classification call) {
    return new Decision(rule, ruleId, call);
  }
}
