package io.dialtone.cdr.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fired by {@link CallRecorder#record} once a new call record was stored and added to the daily
 * totals: what it added to the account's (and extension's) totals of {@code day}, the calendar day
 * in the account's time zone. Observe it {@code AFTER_SUCCESS} (the usage-limit component keeps its
 * in-memory totals and raises its alerts from it); a duplicate record fires nothing.
 *
 * @param extension the extension on the call, or {@code ""}
 * @param minutes the call's whole minutes, each started minute counted
 * @param cost the call's cost in the account's currency (0 when free or without a rate)
 */
public record UsageRecorded(
    long accountId, String extension, LocalDate day, long minutes, BigDecimal cost) {}
