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
 * call without a rate; {@code hangupSide} (a name of call control's hang-up side: {@code CALLER},
 * {@code CALLEE}, {@code MAX_DURATION}, {@code SYSTEM}) only for an answered call that call control
 * ended; {@code sipStatus} is the attempt's final SIP status, {@code null} when none was stored
 * (generated or imported records, blocked attempts).
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
    String callId,
    String hangupSide,
    Integer sipStatus) {

  public boolean blocked() {
    return disposition == Disposition.BLOCKED;
  }
}
