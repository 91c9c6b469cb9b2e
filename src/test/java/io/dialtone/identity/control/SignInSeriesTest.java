package io.dialtone.identity.control;

import static io.dialtone.audit.control.AuditAction.ACCESS_DENIED;
import static io.dialtone.audit.control.AuditAction.SIGN_IN_FAILED;
import static io.dialtone.audit.control.AuditAction.SIGN_IN_MFA;
import static io.dialtone.audit.control.AuditAction.SIGN_IN_PASSWORD;
import static io.dialtone.audit.control.AuditAction.SIGN_IN_RECOVERY_CODE;
import static io.dialtone.audit.control.AuditAction.SIGN_IN_THROTTLED;
import static io.dialtone.audit.control.AuditAction.TOTP_REPLAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.audit.control.DailyCount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInSeriesTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 2, 26);

  @Test
  void daysWithoutEventsCountZero() {
    SignInSeries series = SignInSeries.of(FIRST, 5, List.of());

    assertThat(series.days())
        .containsExactly(
            LocalDate.of(2026, 2, 26),
            LocalDate.of(2026, 2, 27),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 2));
    assertThat(series.successes()).containsExactly(0L, 0L, 0L, 0L, 0L);
    assertThat(series.failures()).containsExactly(0L, 0L, 0L, 0L, 0L);
  }

  @Test
  void countsLandOnTheirDayAndActionsAreSummedBySeries() {
    SignInSeries series =
        SignInSeries.of(
            FIRST,
            4,
            List.of(
                new DailyCount(LocalDate.of(2026, 2, 27), SIGN_IN_MFA, 5),
                new DailyCount(LocalDate.of(2026, 2, 27), SIGN_IN_RECOVERY_CODE, 1),
                new DailyCount(LocalDate.of(2026, 2, 27), SIGN_IN_FAILED, 2),
                new DailyCount(LocalDate.of(2026, 3, 1), TOTP_REPLAY, 1),
                new DailyCount(LocalDate.of(2026, 3, 1), SIGN_IN_THROTTLED, 7),
                new DailyCount(LocalDate.of(2026, 3, 1), SIGN_IN_FAILED, 3)));

    assertThat(series.successes()).containsExactly(0L, 6L, 0L, 0L);
    assertThat(series.failures()).containsExactly(0L, 2L, 0L, 11L);
    assertThat(series.totalSuccesses()).isEqualTo(6);
    assertThat(series.totalFailures()).isEqualTo(13);
  }

  @Test
  void thePasswordStepAloneIsNoSignInAndOtherActionsAreIgnored() {
    SignInSeries series =
        SignInSeries.of(
            FIRST,
            1,
            List.of(
                new DailyCount(FIRST, SIGN_IN_PASSWORD, 4),
                new DailyCount(FIRST, ACCESS_DENIED, 9)));

    assertThat(series.successes()).containsExactly(0L);
    assertThat(series.failures()).containsExactly(0L);
  }

  @Test
  void countsOutsideThePeriodAreIgnored() {
    SignInSeries series =
        SignInSeries.of(
            FIRST,
            2,
            List.of(
                new DailyCount(FIRST.minusDays(1), SIGN_IN_MFA, 4),
                new DailyCount(FIRST.plusDays(2), SIGN_IN_FAILED, 4),
                new DailyCount(FIRST.plusDays(1), SIGN_IN_MFA, 1)));

    assertThat(series.successes()).containsExactly(0L, 1L);
    assertThat(series.failures()).containsExactly(0L, 0L);
  }

  @Test
  void theQueryAsksForEveryActionOfBothSeriesOnly() {
    assertThat(SignInSeries.actions())
        .containsExactlyInAnyOrder(
            SIGN_IN_MFA, SIGN_IN_RECOVERY_CODE, SIGN_IN_FAILED, TOTP_REPLAY, SIGN_IN_THROTTLED);
  }

  @Test
  void aPeriodHasAtLeastOneDayAndOneCountPerDay() {
    assertThatThrownBy(() -> SignInSeries.of(FIRST, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInSeries(List.of(FIRST), List.of(), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
