package io.dialtone.dashboard.boundary;

import io.dialtone.identity.control.SignInSeries;
import io.dialtone.platform.boundary.ChartConfig;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The dashboards' charts, as Chart.js configurations; texts come in already translated. */
final class DashboardCharts {

  /** The most customers the users-per-customer chart shows (the largest ones). */
  static final int MAX_CUSTOMER_BARS = 10;

  private DashboardCharts() {}

  /** Completed and failed sign-ins per day, days labelled like "Nov 28" / "28 nov." . */
  static String signIns(
      SignInSeries series, Locale locale, String completedLabel, String failedLabel) {
    DateTimeFormatter day = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
    return ChartConfig.bars(series.days().stream().map(day::format).toList(), locale)
        .dataset(completedLabel, series.successes(), ChartConfig.PRIMARY)
        .dataset(failedLabel, series.failures(), ChartConfig.DANGER)
        .toJson();
  }

  /** The customers with the most users (at most {@value #MAX_CUSTOMER_BARS}), largest first. */
  static String usersPerCustomer(List<CustomerRow> customers, Locale locale, String usersLabel) {
    List<CustomerRow> largest =
        customers.stream()
            .sorted(
                Comparator.comparingLong(CustomerRow::users)
                    .reversed()
                    .thenComparing(CustomerRow::name))
            .limit(MAX_CUSTOMER_BARS)
            .toList();
    return ChartConfig.bars(largest.stream().map(CustomerRow::name).toList(), locale)
        .dataset(usersLabel, largest.stream().map(CustomerRow::users).toList(), ChartConfig.PRIMARY)
        .horizontal()
        .withoutLegend()
        .toJson();
  }
}
