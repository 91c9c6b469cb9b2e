package io.dialtone.cdr.entity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How billable seconds are rounded: the first {@code first} seconds are billed whole, then blocks
 * of {@code next} seconds, each started block in full. 60/60 bills per started minute, 6/6 per
 * started six seconds, 1/1 per second, 30/6 a 30-second minimum then six-second blocks. A call of 0
 * billable seconds (unanswered) bills nothing.
 */
public record BillingIncrement(int first, int next) {

  public static final int MAX = 3600;
  private static final Pattern TEXT = Pattern.compile("([0-9]{1,4})/([0-9]{1,4})");

  public BillingIncrement {
    if (first < 1 || first > MAX || next < 1 || next > MAX) {
      throw new IllegalArgumentException("increments are 1 to 3600 seconds");
    }
  }

  /** Parses {@code 60/60}; throws {@link IllegalArgumentException} for anything else. */
  public static BillingIncrement parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not first/next seconds");
    }
    return new BillingIncrement(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The seconds billed for {@code billsec} billable seconds. */
  public long billedSeconds(long billsec) {
    if (billsec <= 0) {
      return 0;
    }
    if (billsec <= first) {
      return first;
    }
    long rest = billsec - first;
    return first + (rest + next - 1) / next * (long) next;
  }

  @Override
  public String toString() {
    return first + "/" + next;
  }
}
