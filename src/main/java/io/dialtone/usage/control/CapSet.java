package io.dialtone.usage.control;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The caps of an account: those {@code granted} from above (the reseller or the platform, on the
 * account) and the customer's own {@code working} limits. The lower of the two applies ({@link
 * #effective}); a working limit may never be above a granted cap ({@link #aboveGranted}).
 */
public record CapSet(UsageCaps granted, UsageCaps working) {

  public static final CapSet NONE = new CapSet(UsageCaps.NONE, UsageCaps.NONE);

  public CapSet {
    granted = granted == null ? UsageCaps.NONE : granted;
    working = working == null ? UsageCaps.NONE : working;
  }

  /** The cap that applies, {@code null} when there is none. */
  public BigDecimal effective(UsageCap cap) {
    return lower(cap.of(granted), cap.of(working));
  }

  /** Every cap that applies, as one value. */
  public UsageCaps effective() {
    UsageCaps caps = UsageCaps.NONE;
    for (UsageCap cap : UsageCap.values()) {
      caps = cap.with(caps, effective(cap));
    }
    return caps;
  }

  /** The caps of {@code limits} above a granted cap (where one is granted). */
  public static List<UsageCap> aboveGranted(UsageCaps limits, UsageCaps granted) {
    List<UsageCap> above = new ArrayList<>();
    for (UsageCap cap : UsageCap.values()) {
      BigDecimal limit = cap.of(limits);
      BigDecimal ceiling = cap.of(granted);
      if (limit != null && ceiling != null && limit.compareTo(ceiling) > 0) {
        above.add(cap);
      }
    }
    return above;
  }

  static BigDecimal lower(BigDecimal a, BigDecimal b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }
}
