package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.usage.entity.UsageCap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the calls in progress reach 80 % and 100 % of the concurrent-call cap, and that a level
 * raised on this node is not handed to the database again in the same day (the database keeps it
 * once across nodes: LimitRequestsIT).
 */
class CallCapAlertsTest {

  static final long ACCOUNT = 42;
  static final LocalDate DAY = LocalDate.of(2026, 11, 28);
  static final BigDecimal FIVE = BigDecimal.valueOf(5);

  final List<String> raised = new ArrayList<>();
  final CallCapAlerts alerts = new CallCapAlerts();

  CallCapAlertsTest() {
    alerts.alerts =
        new UsageAlerts() {
          @Override
          public boolean raise(
              long accountId,
              UsageCap cap,
              LocalDate period,
              int level,
              BigDecimal used,
              BigDecimal limit,
              String currency) {
            raised.add(
                accountId + " " + cap + " " + period + " " + level + " " + used + "/" + limit);
            return true;
          }
        };
  }

  @Test
  void levelsFollowTheCallsInProgress() {
    assertThat(alerts.due(ACCOUNT, 3, FIVE, DAY)).isEmpty();
    assertThat(alerts.due(ACCOUNT, 4, FIVE, DAY)).containsExactly(80);
    assertThat(alerts.due(ACCOUNT, 5, FIVE, DAY)).containsExactly(80, 100);
    assertThat(alerts.due(ACCOUNT, 1, BigDecimal.ONE, DAY)).containsExactly(80, 100);
  }

  @Test
  void noCapOrAZeroCapNeverAlerts() {
    assertThat(alerts.due(ACCOUNT, 100, null, DAY)).isEmpty();
    assertThat(alerts.due(ACCOUNT, 100, BigDecimal.ZERO, DAY)).isEmpty();
  }

  @Test
  void aRaisedLevelIsNotDueAgainThatDayButIsTheNext() {
    alerts.raise(ACCOUNT, 4, FIVE, DAY, List.of(80), "CAD");

    assertThat(raised).containsExactly("42 CONCURRENT_CALLS 2026-11-28 80 4/5");
    assertThat(alerts.due(ACCOUNT, 4, FIVE, DAY)).isEmpty();
    assertThat(alerts.due(ACCOUNT, 5, FIVE, DAY)).containsExactly(100);
    assertThat(alerts.due(ACCOUNT + 1, 4, FIVE, DAY)).containsExactly(80);
    assertThat(alerts.due(ACCOUNT, 4, FIVE, DAY.plusDays(1))).containsExactly(80);
  }
}
