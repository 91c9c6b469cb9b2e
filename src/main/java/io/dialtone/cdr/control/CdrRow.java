package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DestinationClass;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the CDR list: what the table shows. {@code cost} is {@code null} for an answered
 * outbound call that found no rate; {@code blockReason} is a {@code DecidingRule} name; {@code
 * sipStatus} the attempt's final SIP status, {@code null} when none was stored.
 */
public record CdrRow(
    long id,
    long accountId,
    Instant start,
    Direction direction,
    String extension,
    String caller,
    String callee,
    DestinationClass destination,
    String country,
    int billsec,
    Disposition disposition,
    String blockReason,
    BigDecimal cost,
    String currency,
    String trunk,
    Integer sipStatus) {}
