package io.dialtone.usage.boundary;

import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.platform.boundary.ChartConfig;
import io.dialtone.platform.boundary.Json;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usage page's chart as a Chart.js configuration for {@code <p:chart>}: the spend of each day
 * of the month so far as bars and, when there is one, the daily cap as a line. Texts come in
 * already translated; {@link Json} makes the result safe in the page's script.
 */
final class UsageCharts {

  private UsageCharts() {}

  static String dailySpend(
      List<DailyUsage> days,
      BigDecimal dailyCap,
      Locale locale,
      String spendLabel,
      String capLabel) {
    DateTimeFormatter format = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
    List<String> labels = days.stream().map(d -> format.format(d.day())).toList();
    List<Map<String, Object>> datasets = new ArrayList<>();
    datasets.add(
        dataset(
            "bar",
            spendLabel,
            days.stream().map(d -> (Object) d.usage().cost().doubleValue()).toList(),
            ChartConfig.PRIMARY));
    if (dailyCap != null) {
      List<Object> cap = new ArrayList<>();
      days.forEach(d -> cap.add(dailyCap.doubleValue()));
      Map<String, Object> line = dataset("line", capLabel, cap, ChartConfig.DANGER);
      line.put("pointRadius", 0);
      line.put("borderDash", List.of(6, 4));
      datasets.add(line);
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("responsive", true);
    options.put("maintainAspectRatio", false);
    options.put("animation", false);
    options.put("locale", locale.toLanguageTag());
    options.put("scales", Map.of("y", Map.of("beginAtZero", true)));
    options.put("plugins", Map.of("legend", Map.of("display", true, "position", "bottom")));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("labels", labels);
    data.put("datasets", datasets);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "bar");
    config.put("data", data);
    config.put("options", options);
    return Json.write(config);
  }

  private static Map<String, Object> dataset(
      String type, String label, List<Object> values, String color) {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("type", type);
    dataset.put("label", label);
    dataset.put("data", values);
    dataset.put("backgroundColor", color);
    dataset.put("borderColor", color);
    return dataset;
  }
}
