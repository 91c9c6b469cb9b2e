package io.dialtone.platform.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration of a Chart.js bar chart for {@code <p:chart value="…">} (PrimeFaces 15 takes
 * the Chart.js configuration as JSON): labels, one or more data sets, and Dialtone's defaults —
 * counts from zero in whole numbers, numbers in the viewer's locale, legend below, no animation
 * (calmer, and nothing moves for people who asked for reduced motion). {@link #toJson()} is safe to
 * embed in the page's script (see {@link Json}).
 */
public final class ChartConfig {

  /** Colours of the stylesheet: primary, danger, neutral. */
  public static final String PRIMARY = "#1d4ed8";

  public static final String DANGER = "#b42318";
  public static final String NEUTRAL = "#7b8794";

  /** Pixels: a chart with few bars keeps slim bars instead of filling its width. */
  static final int MAX_BAR_THICKNESS = 28;

  private final List<String> labels;
  private final Locale locale;
  private final List<Map<String, Object>> datasets = new ArrayList<>();
  private boolean horizontal;
  private boolean legend = true;

  private ChartConfig(List<String> labels, Locale locale) {
    this.labels = List.copyOf(labels);
    this.locale = locale;
  }

  /** A bar chart with one bar (or group of bars) per label. */
  public static ChartConfig bars(List<String> labels, Locale locale) {
    return new ChartConfig(labels, locale);
  }

  /** Adds a data set: one value per label, drawn in {@code color}. */
  public ChartConfig dataset(String label, List<? extends Number> values, String color) {
    if (values.size() != labels.size()) {
      throw new IllegalArgumentException("one value per label");
    }
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("label", label);
    dataset.put("data", List.copyOf(values));
    dataset.put("backgroundColor", color);
    dataset.put("borderColor", color);
    dataset.put("maxBarThickness", MAX_BAR_THICKNESS);
    datasets.add(dataset);
    return this;
  }

  /** Bars grow from the left instead of from the bottom (long labels stay readable). */
  public ChartConfig horizontal() {
    horizontal = true;
    return this;
  }

  /** No legend (a single data set whose meaning the heading says). */
  public ChartConfig withoutLegend() {
    legend = false;
    return this;
  }

  public String toJson() {
    Map<String, Object> valueAxis = new LinkedHashMap<>();
    valueAxis.put("beginAtZero", true);
    valueAxis.put("ticks", Map.of("precision", 0));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("responsive", true);
    options.put("maintainAspectRatio", false);
    options.put("animation", false);
    options.put("locale", locale.toLanguageTag());
    if (horizontal) {
      options.put("indexAxis", "y");
    }
    options.put("scales", Map.of(horizontal ? "x" : "y", valueAxis));
    options.put("plugins", Map.of("legend", Map.of("display", legend, "position", "bottom")));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("labels", labels);
    data.put("datasets", datasets);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "bar");
    config.put("data", data);
    config.put("options", options);
    return Json.write(config);
  }
}
