package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.DestinationClass;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filter → SQL: each filter adds its indexed condition with bound values; paging is keyset. */
class CdrQueriesTest {

  private static final Instant FROM = Instant.parse("2026-10-29T04:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-28T05:00:00Z");

  private static CdrFilter range() {
    return new CdrFilter(42, FROM, TO, null, null, null, null, null, null, null);
  }

  @Test
  void theDefaultFilterIsTheAccountAndRangeNewestFirstWithoutOffset() {
    List<Object> params = new ArrayList<>();
    String sql = CdrQueries.sql(range(), null, 50, params);

    assertThat(sql)
        .endsWith(
            " WHERE account_id = ? AND start_time >= ? AND start_time < ?"
                + " ORDER BY start_time DESC, id DESC LIMIT ?")
        .doesNotContainIgnoringCase("offset");
    assertThat(params)
        .containsExactly(
            42L,
            LocalDateTime.parse("2026-10-29T04:00:00"),
            LocalDateTime.parse("2026-11-28T05:00:00"),
            50);
  }

  @Test
  void everyFilterAddsItsConditionAndValue() {
    CdrFilter f =
        range()
            .withExtension("201")
            .withDirection(Direction.OUTBOUND)
            .withDisposition(Disposition.BLOCKED)
            .withDestination(DestinationClass.INTERNATIONAL)
            .withCountry("GB")
            .withNumberPrefix("+44 20")
            .withMinBillsec(60);
    List<Object> params = new ArrayList<>();
    String sql = CdrQueries.sql(f, null, 50, params);

    assertThat(sql)
        .contains(
            "AND extension = ? AND direction = ? AND disposition = ? AND dest_class = ?"
                + " AND dest_country = ? AND remote_digits LIKE ? AND billsec >= ?");
    assertThat(params.subList(3, 10)).containsExactly("201", 1, 5, 5, "GB", "4420%", 60);
  }

  @Test
  void theNumberPrefixIsNormalizedAndNeverALeadingWildcard() {
    assertThat(range().withNumberPrefix(" +1 416").numberPrefix()).isEqualTo("1416");
    assertThatThrownBy(() -> range().withNumberPrefix("%44"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> range().withNumberPrefix("44_1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCustomerUsersExtensionsRestrictTheQueryAndNoneMatchesNothing() {
    List<Object> params = new ArrayList<>();
    String sql = CdrQueries.sql(range(), Set.of(202L, 201L), null, false, 50, params);
    assertThat(sql).contains("AND extension_id IN (?, ?)");
    assertThat(params.subList(3, 5)).containsExactly(201L, 202L);

    List<Object> none = new ArrayList<>();
    assertThat(CdrQueries.sql(range(), Set.of(), null, false, 50, none)).contains("AND 1 = 0");
  }

  @Test
  void theNextPageStartsAfterTheCursorInEitherOrder() {
    CdrCursor cursor = new CdrCursor(Instant.parse("2026-11-20T10:00:00Z"), 977);
    List<Object> newest = new ArrayList<>();
    assertThat(CdrQueries.sql(range(), null, cursor, false, 50, newest))
        .contains("AND (start_time < ? OR (start_time = ? AND id < ?))")
        .endsWith("ORDER BY start_time DESC, id DESC LIMIT ?");
    List<Object> oldest = new ArrayList<>();
    assertThat(CdrQueries.sql(range(), null, cursor, true, 50, oldest))
        .contains("AND (start_time > ? OR (start_time = ? AND id > ?))")
        .endsWith("ORDER BY start_time ASC, id ASC LIMIT ?");
    assertThat(oldest.subList(3, 7))
        .containsExactly(
            LocalDateTime.parse("2026-11-20T10:00:00"),
            LocalDateTime.parse("2026-11-20T10:00:00"),
            977L,
            50);
  }

  @Test
  void totalsGroupByQuarterHourAndFoldIntoTheAccountsDays() {
    List<Object> params = new ArrayList<>();
    String sql = CdrTotalsQuery.sql(range().withDisposition(Disposition.BLOCKED), null, params);
    assertThat(sql).contains("DIV 15 AS bucket").endsWith("AND disposition = ? GROUP BY bucket");

    long bucket = // 2026-11-28 03:45 UTC: still the 27th in Toronto, the 28th in Paris
        java.time.Duration.between(CdrTotalsQuery.EPOCH, Instant.parse("2026-11-28T03:45:00Z"))
                .toMinutes()
            / 15;
    assertThat(CdrTotalsQuery.dayOf(bucket, ZoneId.of("America/Toronto")))
        .hasToString("2026-11-27");
    assertThat(CdrTotalsQuery.dayOf(bucket, ZoneId.of("Europe/Paris"))).hasToString("2026-11-28");
  }

  @Test
  void onlyWholeDaysNarrowedByExtensionAtMostReadTheDailyTables() {
    ZoneId toronto = ZoneId.of("America/Toronto");
    assertThat(CdrFilterText.wholeDays(range(), toronto)).isTrue();
    assertThat(CdrFilterText.onlyExtension(range().withExtension("201"))).isTrue();
    assertThat(CdrFilterText.onlyExtension(range().withDirection(Direction.INBOUND))).isFalse();
    assertThat(CdrFilterText.wholeDays(range(), ZoneId.of("Europe/Paris"))).isFalse();
    assertThat(CdrFilterText.describe(range().withDisposition(Disposition.BLOCKED)))
        .isEqualTo("account:42 2026-10-29T04:00:00Z..2026-11-28T05:00:00Z disposition=BLOCKED");
  }
}
