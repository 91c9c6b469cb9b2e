package io.dialtone.cdr.control;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the nightly retention job removes. Retention counts whole calendar months (UTC): with R
 * months, the calls of months that ended more than R months ago have expired — on 2026-11-28 with
 * 24, everything before 2024-11-01 — so a call is kept at least R months. A monthly partition goes
 * as a whole ({@code DROP PARTITION}) once every account's retention has passed it, i.e. under the
 * longest retention of all; accounts with a shorter retention have their older rows deleted in
 * batches. pmax and the highest monthly partition are never dropped.
 *
 * @param drop the partitions to drop, oldest first
 * @param deletes the row deletions, shortest retention first
 */
public record RetentionPlan(List<String> drop, List<RowDeletion> deletes) {

  /** The retention of an account without its own (months). */
  public static final int DEFAULT_MONTHS = 24;

  /** No account keeps fewer months. */
  public static final int MIN_MONTHS = 12;

  /** No account keeps more months. */
  public static final int MAX_MONTHS = 120;

  /**
   * Rows to delete: those started before {@code before} of the accounts {@code accounts}, or, when
   * {@code accounts} is empty (the default group), of every account without a retention of its own
   * other than the default.
   */
  public record RowDeletion(int months, Instant before, List<Long> accounts) {
    public boolean defaultGroup() {
      return accounts.isEmpty();
    }
  }

  /** The first instant kept under {@code months} of retention at {@code now}. */
  public static Instant cutoff(Instant now, int months) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC))
        .minusMonths(months)
        .atDay(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /**
   * The plan at {@code now}.
   *
   * @param partitions the partitions of {@code cdr}, in order
   * @param ownRetention months of the accounts that have a retention other than the default
   */
  public static RetentionPlan at(
      Instant now, List<String> partitions, Map<Long, Integer> ownRetention) {
    int longest = DEFAULT_MONTHS;
    TreeMap<Integer, List<Long>> groups = new TreeMap<>();
    for (var e : ownRetention.entrySet()) {
      int months = e.getValue();
      if (months < MIN_MONTHS || months > MAX_MONTHS) {
        throw new IllegalArgumentException("retention out of range: " + months);
      }
      longest = Math.max(longest, months);
      if (months != DEFAULT_MONTHS) {
        groups.computeIfAbsent(months, m -> new ArrayList<>()).add(e.getKey());
      }
    }
    YearMonth keepFrom = YearMonth.from(cutoff(now, longest).atOffset(ZoneOffset.UTC));
    List<YearMonth> monthly = new ArrayList<>();
    for (String p : partitions) {
      PartitionPlan.monthOf(p).ifPresent(monthly::add);
    }
    List<String> drop = new ArrayList<>();
    Optional<YearMonth> highest = monthly.stream().max(YearMonth::compareTo);
    for (YearMonth m : monthly) {
      if (m.isBefore(keepFrom) && !m.equals(highest.orElseThrow())) {
        drop.add(PartitionPlan.nameOf(m));
      }
    }
    List<RowDeletion> deletes = new ArrayList<>();
    if (DEFAULT_MONTHS < longest) {
      groups.put(DEFAULT_MONTHS, List.of());
    }
    for (var g : groups.entrySet()) {
      if (g.getKey() < longest) {
        deletes.add(
            new RowDeletion(
                g.getKey(), cutoff(now, g.getKey()), g.getValue().stream().sorted().toList()));
      }
    }
    return new RetentionPlan(List.copyOf(drop), List.copyOf(deletes));
  }
}
