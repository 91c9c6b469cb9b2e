package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.platform.boundary.ChartConfig;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The CDR page's daily charts as Chart.js configurations; labels come in translated. */
final class CdrCharts {

  private CdrCharts() {}

  /** Calls and blocked calls per day. */
  static String calls(List<DailyUsage> days, Locale locale, String calls, String blocked) {
    return ChartConfig.bars(labels(days, locale), locale)
        .dataset(calls, days.stream().map(d -> d.usage().calls()).toList(), ChartConfig.PRIMARY)
        .dataset(blocked, days.stream().map(d -> d.usage().blocked()).toList(), ChartConfig.DANGER)
        .toJson();
  }

  /** Minutes per day. */
  static String minutes(List<DailyUsage> days, Locale locale, String minutes) {
    return ChartConfig.bars(labels(days, locale), locale)
        .dataset(minutes, days.stream().map(d -> d.usage().minutes()).toList(), ChartConfig.PRIMARY)
        .withoutLegend()
        .toJson();
  }

  /** Cost per day (in the account's currency). */
  static String cost(List<DailyUsage> days, Locale locale, String cost) {
    return ChartConfig.bars(labels(days, locale), locale)
        .dataset(
            cost,
            days.stream().map(d -> d.usage().cost().doubleValue()).toList(),
            ChartConfig.NEUTRAL)
        .withoutLegend()
        .toJson();
  }

  private static List<String> labels(List<DailyUsage> days, Locale locale) {
    DateTimeFormatter day = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
    return days.stream().map(d -> day.format(d.day())).toList();
  }
}
