package io.dialtone.usage.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert thresholds of a cap (SECURITY.md E4): 80 % and 100 %. A cap of zero (or none) has no
 * alerts: it refuses every call by design, or never.
 */
public final class Thresholds {

  /** Percentages of a cap that raise an alert, lowest first. */
  public static final List<Integer> LEVELS = List.of(80, 100);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Thresholds() {}

  /** The levels that {@code used} has reached of {@code cap}, lowest first. */
  public static List<Integer> reached(BigDecimal used, BigDecimal cap) {
    List<Integer> reached = new ArrayList<>();
    if (cap == null || cap.signum() <= 0 || used == null) {
      return reached;
    }
    BigDecimal percent = used.multiply(HUNDRED);
    for (int level : LEVELS) {
      if (percent.compareTo(cap.multiply(BigDecimal.valueOf(level))) >= 0) {
        reached.add(level);
      }
    }
    return reached;
  }

  /** Whether {@code used} has reached {@code cap} (a cap of zero is reached at once). */
  public static boolean atCap(BigDecimal used, BigDecimal cap) {
    return cap != null && used.compareTo(cap) >= 0;
  }
}
