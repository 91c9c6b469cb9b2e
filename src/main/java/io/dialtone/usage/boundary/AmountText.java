package io.dialtone.usage.boundary;

import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** An amount of a cap as the page shows it, in the viewer's locale: "1,250.00 CAD", "500". */
final class AmountText {

  private AmountText() {}

  /** The amount, or {@code null} for none (the page then says "no cap"). */
  static String of(UsageCap cap, BigDecimal value, String currency, Locale locale) {
    if (value == null) {
      return null;
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    int digits = cap.isMoney() ? 2 : 0;
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return cap.isMoney() ? format.format(value) + " " + currency : format.format(value);
  }
}
