package io.dialtone.audit.control;

import java.time.LocalDate;

/**
 * How many events of one action happened on one UTC day: a row of {@link AuditQuery#dailyCounts},
 * counted by the database.
 */
public record DailyCount(LocalDate day, AuditAction action, long count) {}
