package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.Rate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rate deck in memory, immutable: for a number, a currency and a time, the rate of the longest
 * prefix that has a rate effective then (a prefix whose rate has expired gives way to a shorter
 * one). A lookup is at most 15 hash probes on the number's leading digits: no I/O, no locking.
 */
public final class RateTable {

  public static final RateTable EMPTY = new RateTable(List.of());

  /** currency -> prefix digits -> the rates of that prefix (any period). */
  private final Map<String, Map<String, List<Rate>>> byCurrency = new HashMap<>();

  /** prefix digits -> rates of any currency (for "is it rated at all"). */
  private final Map<String, List<Rate>> anyCurrency = new HashMap<>();

  private final int size;

  public RateTable(List<Rate> rates) {
    for (Rate rate : rates) {
      byCurrency
          .computeIfAbsent(rate.getCurrency(), c -> new HashMap<>())
          .computeIfAbsent(rate.digits(), p -> new ArrayList<>(1))
          .add(rate);
      anyCurrency.computeIfAbsent(rate.digits(), p -> new ArrayList<>(1)).add(rate);
    }
    size = rates.size();
  }

  /** The rate for {@code digits} (E.164 without +) in {@code currency} at {@code at}. */
  public Optional<Rate> find(String digits, String currency, Instant at) {
    Map<String, List<Rate>> prefixes = byCurrency.get(currency);
    return prefixes == null ? Optional.empty() : longest(prefixes, digits, at);
  }

  /** Whether {@code digits} have a rate in any currency at {@code at}. */
  public boolean isRated(String digits, Instant at) {
    return longest(anyCurrency, digits, at).isPresent();
  }

  public int size() {
    return size;
  }

  private static Optional<Rate> longest(
      Map<String, List<Rate>> prefixes, String digits, Instant at) {
    for (int len = Math.min(15, digits.length()); len > 0; len--) {
      List<Rate> rates = prefixes.get(digits.substring(0, len));
      if (rates != null) {
        for (Rate rate : rates) {
          if (rate.isEffectiveAt(at)) {
            return Optional.of(rate);
          }
        }
      }
    }
    return Optional.empty();
  }
}
