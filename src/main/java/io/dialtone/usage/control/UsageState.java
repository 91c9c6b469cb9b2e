package io.dialtone.usage.control;

import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * One account's usage as {@link CapGate} needs it, in memory: its caps, its extensions'
 * concurrent-call caps, and the spend of {@link #day()} and the spend and minutes of its month so
 * far. Loaded once from the daily totals ({@link UsageSource}), then kept current by adding each
 * recorded call ({@link #add}); thread-safe.
 */
public final class UsageState {

  private final long accountId;
  private final ZoneId zone;
  private final String currency;
  private final CapSet caps;
  private final Map<String, Integer> extensionCaps;
  private final LocalDate day;
  private BigDecimal daySpend;
  private BigDecimal monthSpend;
  private long monthMinutes;

  public UsageState(
      long accountId,
      ZoneId zone,
      String currency,
      CapSet caps,
      Map<String, Integer> extensionCaps,
      LocalDate day,
      BigDecimal daySpend,
      BigDecimal monthSpend,
      long monthMinutes) {
    this.accountId = accountId;
    this.zone = zone;
    this.currency = currency;
    this.caps = caps;
    this.extensionCaps = Map.copyOf(extensionCaps);
    this.day = day;
    this.daySpend = daySpend;
    this.monthSpend = monthSpend;
    this.monthMinutes = monthMinutes;
  }

  /** The account's calendar day at {@code at}. */
  public LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  /** Adds a recorded call of {@code callDay}; a call of a later day is left to the next load. */
  public synchronized void add(LocalDate callDay, BigDecimal cost, long minutes) {
    if (callDay.isAfter(day)) {
      return;
    }
    if (callDay.equals(day)) {
      daySpend = daySpend.add(cost);
    }
    if (YearMonth.from(callDay).equals(YearMonth.from(day))) {
      monthSpend = monthSpend.add(cost);
      monthMinutes += minutes;
    }
  }

  /** Usage so far against a periodic cap (spend in the currency, or minutes). */
  public synchronized BigDecimal used(UsageCap cap) {
    return switch (cap) {
      case DAILY_SPEND -> daySpend;
      case MONTHLY_SPEND -> monthSpend;
      case MONTHLY_MINUTES -> BigDecimal.valueOf(monthMinutes);
      case CONCURRENT_CALLS -> throw new IllegalArgumentException("not a periodic cap");
    };
  }

  /** Usage of every periodic cap now, for the alert check. */
  public synchronized Map<UsageCap, BigDecimal> periodicUsage() {
    Map<UsageCap, BigDecimal> usage = new EnumMap<>(UsageCap.class);
    for (UsageCap cap : UsageCap.values()) {
      if (cap.isPeriodic()) {
        usage.put(cap, used(cap));
      }
    }
    return usage;
  }

  /** The periodic cap that is reached, or {@code null}: new calls are refused while one is. */
  public UsageCap reachedCap() {
    for (UsageCap cap : UsageCap.values()) {
      if (cap.isPeriodic() && Thresholds.atCap(used(cap), caps.effective(cap))) {
        return cap;
      }
    }
    return null;
  }

  /** The concurrent-call cap of {@code extension}, or {@code null}. */
  public Integer extensionCap(String extension) {
    return extensionCaps.get(extension);
  }

  public long accountId() {
    return accountId;
  }

  public LocalDate day() {
    return day;
  }

  public String currency() {
    return currency;
  }

  public CapSet caps() {
    return caps;
  }
}
