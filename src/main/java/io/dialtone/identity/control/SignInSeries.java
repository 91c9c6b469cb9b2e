package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.DailyCount;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Completed and failed sign-ins per UTC day, one entry per day of a period including days without
 * any (the database only returns days that have events).
 *
 * <p>A completed sign-in is one that passed the second factor ({@link AuditAction#SIGN_IN_MFA},
 * {@link AuditAction#SIGN_IN_RECOVERY_CODE}); a failed one is a refused step ({@link
 * AuditAction#SIGN_IN_FAILED}), a replayed code ({@link AuditAction#TOTP_REPLAY}) or an attempt
 * refused by per-address throttling ({@link AuditAction#SIGN_IN_THROTTLED}).
 *
 * @param days the days of the period, oldest first
 * @param successes completed sign-ins of each day, in the order of {@code days}
 * @param failures failed sign-ins of each day, in the order of {@code days}
 */
public record SignInSeries(List<LocalDate> days, List<Long> successes, List<Long> failures) {

  public static final Set<AuditAction> SUCCESS =
      Collections.unmodifiableSet(
          EnumSet.of(AuditAction.SIGN_IN_MFA, AuditAction.SIGN_IN_RECOVERY_CODE));
  public static final Set<AuditAction> FAILURE =
      Collections.unmodifiableSet(
          EnumSet.of(
              AuditAction.SIGN_IN_FAILED, AuditAction.TOTP_REPLAY, AuditAction.SIGN_IN_THROTTLED));

  public SignInSeries {
    days = List.copyOf(days);
    successes = List.copyOf(successes);
    failures = List.copyOf(failures);
    if (successes.size() != days.size() || failures.size() != days.size()) {
      throw new IllegalArgumentException("one count per day");
    }
  }

  /** Every action either series counts, for the query. */
  public static Set<AuditAction> actions() {
    Set<AuditAction> all = EnumSet.copyOf(SUCCESS);
    all.addAll(FAILURE);
    return all;
  }

  /**
   * The {@code length} days from {@code first} on, with the counts of {@code counts} summed into
   * them; counts outside the period or of other actions are ignored, missing days count 0.
   */
  public static SignInSeries of(LocalDate first, int length, List<DailyCount> counts) {
    if (length < 1) {
      throw new IllegalArgumentException("at least one day");
    }
    long[] ok = new long[length];
    long[] failed = new long[length];
    for (DailyCount count : counts) {
      long index = first.until(count.day(), ChronoUnit.DAYS);
      if (index < 0 || index >= length) {
        continue;
      }
      if (SUCCESS.contains(count.action())) {
        ok[(int) index] += count.count();
      } else if (FAILURE.contains(count.action())) {
        failed[(int) index] += count.count();
      }
    }
    return new SignInSeries(
        first.datesUntil(first.plusDays(length)).toList(),
        LongStream.of(ok).boxed().toList(),
        LongStream.of(failed).boxed().toList());
  }

  public long totalSuccesses() {
    return successes.stream().mapToLong(Long::longValue).sum();
  }

  public long totalFailures() {
    return failures.stream().mapToLong(Long::longValue).sum();
  }
}
