package io.dialtone.cdr.control;

import java.util.List;

/**
 * The totals of a CDR filter: one entry per calendar day of its range (in the account's time zone)
 * and their sum, for the page's totals and its daily chart.
 */
public record FilterTotals(List<DailyUsage> days, Usage total) {

  public static FilterTotals of(List<DailyUsage> days) {
    return new FilterTotals(
        List.copyOf(days), days.stream().map(DailyUsage::usage).reduce(Usage.NONE, Usage::plus));
  }
}
