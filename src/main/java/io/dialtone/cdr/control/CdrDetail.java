package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Every stored field of one call attempt: what a call's detail page and the CSV export show. Times
 * are UTC instants; {@code answer} is {@code null} unless answered; {@code blockReason} and {@code
 * blockRuleId} only for a blocked attempt; {@code cost} is {@code null} for an answered outbound
 * call without a rate.
 */
public record CdrDetail(
    long id,
    long accountId,
    Instant start,
    Instant answer,
    Instant end,
    Direction direction,
    String extension,
    String caller,
    String callee,
    String remoteDigits,
    DestinationClass destination,
    String country,
    int billsec,
    Disposition disposition,
    DecidingRule blockReason,
    Long blockRuleId,
    String trunk,
    List<TrunkAttempt> trunkAttempts,
    BigDecimal cost,
    String currency,
    String callId) {

  public boolean blocked() {
    return disposition == Disposition.BLOCKED;
  }
}
