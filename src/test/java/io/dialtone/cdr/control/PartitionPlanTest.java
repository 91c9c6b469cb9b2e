package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monthly partitions: split off pmax ahead of time, and below the lowest for older data. */
class PartitionPlanTest {

  @Test
  void aNewStoreSplitsTheCatchAllIntoTheMonthsAsked() {
    assertThat(
            PartitionPlan.statements(
                List.of("pmax"), YearMonth.of(2026, 11), YearMonth.of(2027, 1)))
        .containsExactly(
            "ALTER TABLE cdr REORGANIZE PARTITION pmax INTO ("
                + "PARTITION p202611 VALUES LESS THAN ('2026-12-01 00:00:00'), "
                + "PARTITION p202612 VALUES LESS THAN ('2027-01-01 00:00:00'), "
                + "PARTITION p202701 VALUES LESS THAN ('2027-02-01 00:00:00'), "
                + "PARTITION pmax VALUES LESS THAN (MAXVALUE))");
  }

  @Test
  void onlyMissingMonthsAreAddedAndNothingWhenAllExist() {
    List<String> existing = List.of("p202611", "p202612", "p202701", "pmax");

    assertThat(PartitionPlan.statements(existing, YearMonth.of(2026, 12), YearMonth.of(2027, 1)))
        .isEmpty();
    assertThat(PartitionPlan.statements(existing, YearMonth.of(2026, 12), YearMonth.of(2027, 2)))
        .containsExactly(
            "ALTER TABLE cdr REORGANIZE PARTITION pmax INTO ("
                + "PARTITION p202702 VALUES LESS THAN ('2027-03-01 00:00:00'), "
                + "PARTITION pmax VALUES LESS THAN (MAXVALUE))");
  }

  @Test
  void olderMonthsAreSplitOffTheLowestPartition() {
    assertThat(
            PartitionPlan.statements(
                List.of("p202611", "p202612", "pmax"),
                YearMonth.of(2026, 9),
                YearMonth.of(2026, 12)))
        .containsExactly(
            "ALTER TABLE cdr REORGANIZE PARTITION p202611 INTO ("
                + "PARTITION p202609 VALUES LESS THAN ('2026-10-01 00:00:00'), "
                + "PARTITION p202610 VALUES LESS THAN ('2026-11-01 00:00:00'), "
                + "PARTITION p202611 VALUES LESS THAN ('2026-12-01 00:00:00'))");
  }

  @Test
  void partitionNamesAreMonths() {
    assertThat(PartitionPlan.monthOf("p202602")).contains(YearMonth.of(2026, 2));
    assertThat(PartitionPlan.monthOf("pmax")).isEmpty();
    assertThat(PartitionPlan.nameOf(YearMonth.of(2027, 1))).isEqualTo("p202701");
  }
}
