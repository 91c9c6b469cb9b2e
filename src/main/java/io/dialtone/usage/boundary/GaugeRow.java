package io.dialtone.usage.boundary;

import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * One gauge of the usage page: usage so far against the cap that applies.
 *
 * @param capText the cap, formatted; {@code null} when there is none
 * @param percent usage in percent of the cap, 0–100 (100 at or above the cap)
 */
public record GaugeRow(
    String cap, String usedText, String capText, int percent, boolean warning, boolean reached) {

  static GaugeRow of(
      UsageCap cap, BigDecimal used, BigDecimal limit, String currency, Locale locale) {
    int percent = 0;
    if (limit != null) {
      percent =
          limit.signum() == 0
              ? 100
              : used.multiply(BigDecimal.valueOf(100))
                  .divide(limit, 0, RoundingMode.DOWN)
                  .min(BigDecimal.valueOf(100))
                  .intValue();
    }
    return new GaugeRow(
        cap.name(),
        AmountText.of(cap, used, currency, locale),
        AmountText.of(cap, limit, currency, locale),
        percent,
        limit != null && percent >= 80 && percent < 100,
        limit != null && used.compareTo(limit) >= 0);
  }

  /** The CSS modifier of the gauge: ok, warning (≥ 80 %) or reached. */
  public String state() {
    return reached ? "reached" : warning ? "warning" : "ok";
  }
}
