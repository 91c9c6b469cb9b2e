package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention: whole months; partitions go under the longest retention, shorter ones by rows. */
class RetentionPlanTest {

  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
  private static final List<String> PARTITIONS =
      List.of("p202409", "p202410", "p202411", "p202412", "p202611", "p202612", "p202701", "pmax");

  @Test
  void theCutoffIsTheFirstOfTheMonthRetentionMonthsAgo() {
    assertThat(RetentionPlan.cutoff(NOW, 24)).isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
    assertThat(RetentionPlan.cutoff(NOW, 12)).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
  }

  @Test
  void withEveryAccountAtTheDefaultOnlyWholeExpiredMonthsAreDroppedAndNoRowIsDeleted() {
    RetentionPlan plan = RetentionPlan.at(NOW, PARTITIONS, Map.of());

    assertThat(plan.drop()).containsExactly("p202409", "p202410");
    assertThat(plan.deletes()).isEmpty();
  }

  @Test
  void shorterRetentionsDeleteRowsByAccountAndTheDefaultNeedsNothingExtra() {
    RetentionPlan plan = RetentionPlan.at(NOW, PARTITIONS, Map.of(7L, 12, 8L, 12, 9L, 18));

    assertThat(plan.drop()).containsExactly("p202409", "p202410");
    assertThat(plan.deletes())
        .containsExactly(
            new RetentionPlan.RowDeletion(
                12, Instant.parse("2025-11-01T00:00:00Z"), List.of(7L, 8L)),
            new RetentionPlan.RowDeletion(18, Instant.parse("2025-05-01T00:00:00Z"), List.of(9L)));
  }

  @Test
  void aLongerRetentionKeepsThePartitionsAndTheDefaultGroupDeletesByRows() {
    RetentionPlan plan = RetentionPlan.at(NOW, PARTITIONS, Map.of(5L, 36));

    assertThat(plan.drop()).isEmpty();
    assertThat(plan.deletes())
        .containsExactly(
            new RetentionPlan.RowDeletion(24, Instant.parse("2024-11-01T00:00:00Z"), List.of()));
    assertThat(plan.deletes().get(0).defaultGroup()).isTrue();
  }

  @Test
  void pmaxAndTheHighestMonthAreNeverDropped() {
    RetentionPlan plan = RetentionPlan.at(NOW, List.of("p202001", "pmax"), Map.of());
    assertThat(plan.drop()).isEmpty();
  }

  @Test
  void retentionOutsideTwelveToHundredTwentyMonthsIsRefused() {
    assertThatThrownBy(() -> RetentionPlan.at(NOW, PARTITIONS, Map.of(1L, 11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CdrRetentionSweep.dropStatement("pmax; DROP TABLE cdr"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CdrRetentionSweep.dropStatement("p202409"))
        .isEqualTo("ALTER TABLE cdr DROP PARTITION p202409");
  }
}
