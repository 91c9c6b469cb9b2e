package io.dialtone.cdr.control;

import java.time.LocalDate;

/** The usage of one calendar day (in the account's time zone). */
public record DailyUsage(LocalDate day, Usage usage) {}
