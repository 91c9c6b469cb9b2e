package io.dialtone.dashboard.boundary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * One figure of the customer dashboard against its cap: calls now, spend today and this month,
 * minutes this month.
 *
 * @param key the bundle key of its label
 * @param usedText the figure, in the viewer's language (money with its currency)
 * @param capText the cap the same way, {@code null} when there is none
 * @param percent of the cap, 0–100
 * @param outcome the page with the details
 */
public record CapTile(
    String id, String key, String usedText, String capText, int percent, String outcome) {

  static CapTile of(
      String id,
      String key,
      BigDecimal used,
      BigDecimal cap,
      String currency,
      Locale locale,
      String outcome) {
    int percent = 0;
    if (cap != null) {
      percent =
          cap.signum() == 0
              ? 100
              : used.multiply(BigDecimal.valueOf(100))
                  .divide(cap, 0, RoundingMode.DOWN)
                  .min(BigDecimal.valueOf(100))
                  .intValue();
    }
    return new CapTile(
        id,
        key,
        text(used, currency, locale),
        cap == null ? null : text(cap, currency, locale),
        percent,
        outcome);
  }

  /** The CSS state of its bar, as on the usage page: ok, warning (80 % or more) or reached. */
  public String state() {
    return capText == null || percent < 80 ? "ok" : percent < 100 ? "warning" : "reached";
  }

  private static String text(BigDecimal value, String currency, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    int digits = currency == null ? 0 : 2;
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return currency == null ? format.format(value) : format.format(value) + " " + currency;
  }
}
