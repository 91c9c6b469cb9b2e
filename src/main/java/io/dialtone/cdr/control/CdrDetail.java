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
 * (generated or imported records, blocked attempts); {@code way} only for a call to an extension
 * whose way was recorded (the DID, the extension meant and the one that answered, the continuity).
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
    Integer sipStatus,
    InboundWay way) {

  /** A record without the way of a call to an extension. */
  public CdrDetail(
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
    this(
        id,
        accountId,
        start,
        answer,
        end,
        direction,
        extension,
        caller,
        callee,
        remoteDigits,
        destination,
        country,
        billsec,
        disposition,
        blockReason,
        blockRuleId,
        trunk,
        trunkAttempts,
        cost,
        currency,
        callId,
        hangupSide,
        sipStatus,
        null);
  }

  public boolean blocked() {
    return disposition == Disposition.BLOCKED;
  }
}
