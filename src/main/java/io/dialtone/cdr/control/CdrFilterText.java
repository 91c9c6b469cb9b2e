package io.dialtone.cdr.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.StringJoiner;

/** What a filter says, for audit rows and export names, and which totals can answer it. */
public final class CdrFilterText {

  private CdrFilterText() {}

  /**
   * The filter as audit text, e.g. {@code account:42 2026-10-29T04:00:00Z..2026-11-28T05:00:00Z
   * disposition=BLOCKED}.
   */
  public static String describe(CdrFilter f) {
    StringJoiner text = new StringJoiner(" ");
    text.add("account:" + f.accountId());
    text.add(f.from() + ".." + f.to());
    add(text, "extension", f.extension());
    add(text, "direction", f.direction());
    add(text, "disposition", f.disposition());
    add(text, "class", f.destination());
    add(text, "country", f.country());
    add(text, "prefix", f.numberPrefix());
    add(text, "minBillsec", f.minBillsec());
    return text.toString();
  }

  /** Whether the range starts and ends at midnight in {@code zone} (whole calendar days). */
  static boolean wholeDays(CdrFilter f, ZoneId zone) {
    return midnight(f.from(), zone) && midnight(f.to(), zone);
  }

  /** Whether nothing but the extension narrows the filter (the daily tables can answer it). */
  static boolean onlyExtension(CdrFilter f) {
    return f.direction() == null
        && f.disposition() == null
        && f.destination() == null
        && f.country() == null
        && f.numberPrefix() == null
        && f.minBillsec() == null;
  }

  private static boolean midnight(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalTime().toNanoOfDay() == 0;
  }

  private static void add(StringJoiner text, String name, Object value) {
    if (value != null) {
      text.add(name + "=" + value);
    }
  }
}
