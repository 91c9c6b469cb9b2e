package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Instant;

/**
 * The usage-limit check a call must pass last, once every destination rule allowed it: daily and
 * monthly spend, monthly minutes, concurrent calls of the account and the extension. The
 * usage-limit component implements it from incrementally maintained totals (never a scan of CDRs).
 */
public interface UsageGate {

  /**
   * Whether a new call may start now.
   *
   * @param extension the calling extension, or {@code null} for an account-level destination (a
   *     DID's continuity target)
   */
  boolean admits(
      AccountId accountId, ExtensionNumber extension, Classification destination, Instant at);
}
