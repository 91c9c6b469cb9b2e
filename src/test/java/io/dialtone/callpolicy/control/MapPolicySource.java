package io.dialtone.callpolicy.control;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** Policies from memory, counting loads; accounts it has none for get the defaults. */
public final class MapPolicySource implements PolicySource {

  private final Map<Long, AccountPolicy> policies = new HashMap<>();
  private final LongFunction<AccountPolicy> defaults;
  private PlatformRanges platform = PlatformRanges.none();
  int accountLoads;
  int platformLoads;

  public MapPolicySource(LongFunction<AccountPolicy> defaults) {
    this.defaults = defaults;
  }

  public MapPolicySource put(AccountPolicy policy) {
    policies.put(policy.accountId(), policy);
    return this;
  }

  public MapPolicySource platform(PlatformRanges ranges) {
    platform = ranges;
    return this;
  }

  @Override
  public AccountPolicy load(long accountId) {
    accountLoads++;
    AccountPolicy policy = policies.get(accountId);
    return policy != null ? policy : defaults.apply(accountId);
  }

  @Override
  public PlatformRanges platformRanges() {
    platformLoads++;
    return platform;
  }
}
