package io.dialtone.dashboard.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.AccountStatus;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.DailyCount;
import io.dialtone.identity.control.SignInSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DashboardChartsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @Test
  void signInDaysAreLabelledInTheViewersLanguage() {
    SignInSeries series =
        SignInSeries.of(DAY, 2, List.of(new DailyCount(DAY, AuditAction.SIGN_IN_FAILED, 3)));

    String english = DashboardCharts.signIns(series, Locale.ENGLISH, "Completed", "Failed");
    String french = DashboardCharts.signIns(series, Locale.FRENCH, "Réussies", "Échouées");

    assertThat(english)
        .contains("\"labels\":[\"Nov 27\",\"Nov 28\"]")
        .contains("\"label\":\"Completed\",\"data\":[0,0]")
        .contains("\"label\":\"Failed\",\"data\":[3,0]");
    assertThat(french).contains("\"labels\":[\"27 nov.\",\"28 nov.\"]", "\"label\":\"Échouées\"");
  }

  @Test
  void theUsersChartShowsTheLargestCustomersFirst() {
    List<CustomerRow> customers =
        List.of(row("Small", 1), row("Big", 9), row("Empty", 0), row("Middle", 4));

    String json = DashboardCharts.usersPerCustomer(customers, Locale.ENGLISH, "Users");

    assertThat(json)
        .contains("\"labels\":[\"Big\",\"Middle\",\"Small\",\"Empty\"]")
        .contains("\"data\":[9,4,1,0]")
        .contains("\"indexAxis\":\"y\"");
  }

  @Test
  void theUsersChartStopsAtTenCustomers() {
    List<CustomerRow> customers =
        IntStream.range(0, 15).mapToObj(i -> row("C" + (char) ('a' + i), i)).toList();

    String json = DashboardCharts.usersPerCustomer(customers, Locale.ENGLISH, "Users");

    assertThat(json).contains("\"data\":[14,13,12,11,10,9,8,7,6,5]").doesNotContain("\"Ca\"");
  }

  private static CustomerRow row(String name, long users) {
    CapTile none =
        CapTile.of("spendToday", "k", java.math.BigDecimal.ZERO, null, "CAD", Locale.ENGLISH, "/");
    return new CustomerRow(
        users,
        name,
        "C-000001",
        AccountStatus.ACTIVE,
        users,
        DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
        0,
        none,
        none);
  }
}
