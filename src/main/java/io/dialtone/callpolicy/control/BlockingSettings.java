package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import java.util.List;

/**
 * What the call-blocking page shows of one account: its country, toggles (the defaults when it
 * stored none), rules, extensions' narrowing, and the platform ranges it cannot lift.
 */
public record BlockingSettings(
    long accountId,
    String accountName,
    String country,
    AccountCallPolicy toggles,
    List<CallPolicyRule> rules,
    List<ExtensionCallPolicy> extensions,
    List<PlatformBlockedRange> platformRanges) {}
