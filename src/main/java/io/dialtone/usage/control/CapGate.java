package io.dialtone.usage.control;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.UsageGate;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.usage.entity.UsageCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The call policy's {@link UsageGate} (SECURITY.md E3, E4): a new call is refused while the
 * account's daily spend, monthly spend or monthly minutes have reached their cap (the lower of the
 * granted cap and the customer's own limit), or while the account or the calling extension has as
 * many calls in progress as its concurrent-call cap allows. The decision then names {@code
 * DecidingRule.USAGE_LIMIT}, which the CDR stores as the block reason. Reads only memory ({@link
 * UsageMeter}, {@link ActiveCalls}) on a warm entry.
 */
@ApplicationScoped
public class CapGate implements UsageGate {

  @Inject UsageMeter meter;
  @Inject ActiveCalls active;

  @Override
  public boolean admits(
      AccountId accountId, ExtensionNumber extension, Classification destination, Instant at) {
    UsageState state = meter.state(accountId.value(), at);
    if (state.reachedCap() != null) {
      return false;
    }
    BigDecimal calls = state.caps().effective(UsageCap.CONCURRENT_CALLS);
    if (calls != null && active.of(accountId) >= calls.intValue()) {
      return false;
    }
    if (extension != null) {
      Integer cap = state.extensionCap(extension.digits());
      return cap == null || active.of(accountId, extension) < cap;
    }
    return true;
  }

  /**
   * Whether extension {@code extension} of {@code accountId} has as many calls in progress as its
   * own concurrent-call cap allows (no cap: never).
   */
  public boolean extensionAtCap(AccountId accountId, ExtensionNumber extension, Instant at) {
    Integer cap = meter.state(accountId.value(), at).extensionCap(extension.digits());
    return cap != null && active.of(accountId, extension) >= cap;
  }

  /**
   * Whether {@code accountId} has as many calls in progress as its concurrent-call cap allows: for
   * a reseller, the calls of the accounts below it, which call control counts for it too.
   */
  public boolean atConcurrentCap(AccountId accountId, Instant at) {
    BigDecimal calls =
        meter.state(accountId.value(), at).caps().effective(UsageCap.CONCURRENT_CALLS);
    return calls != null && active.of(accountId) >= calls.intValue();
  }
}
