package io.dialtone.usage.control;

import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts of a cap read in e-mails, notices and audit rows: "40.00 CAD", "500". */
public final class Amounts {

  private Amounts() {}

  public static String format(UsageCap cap, BigDecimal value, String currency) {
    if (value == null) {
      return "";
    }
    return cap.isMoney()
        ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency
        : value.setScale(0, RoundingMode.HALF_UP).toPlainString();
  }
}
