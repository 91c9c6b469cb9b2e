package io.dialtone.trunk.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.trunk.entity.TrunkStatus;
import org.junit.jupiter.api.Test;

/** How OPTIONS probe results move a trunk between UNKNOWN, UP and DOWN. */
class HealthRuleTest {

  @Test
  void anyAnswerButA5xxMeansUp() {
    HealthRule start = HealthRule.from(TrunkStatus.UNKNOWN);
    assertThat(start.answered(200).status()).isEqualTo(TrunkStatus.UP);
    assertThat(start.answered(404).status()).isEqualTo(TrunkStatus.UP);
    assertThat(start.answered(407).status()).isEqualTo(TrunkStatus.UP);
    assertThat(start.answered(603).status()).isEqualTo(TrunkStatus.UP);
    assertThat(HealthRule.from(TrunkStatus.DOWN).answered(200).status()).isEqualTo(TrunkStatus.UP);
  }

  @Test
  void a5xxAnswerTakesTheTrunkDownAtOnce() {
    assertThat(HealthRule.from(TrunkStatus.UP).answered(503).status()).isEqualTo(TrunkStatus.DOWN);
    assertThat(HealthRule.from(TrunkStatus.UP).answered(500).status()).isEqualTo(TrunkStatus.DOWN);
    assertThat(HealthRule.from(TrunkStatus.UP).answered(599).status()).isEqualTo(TrunkStatus.DOWN);
  }

  @Test
  void oneMissIsForgivenTwoInARowAreNot() {
    HealthRule once = HealthRule.from(TrunkStatus.UP).missed();
    assertThat(once.status()).isEqualTo(TrunkStatus.UP);
    assertThat(once.missed().status()).isEqualTo(TrunkStatus.DOWN);
    assertThat(once.answered(200).missed().status()).isEqualTo(TrunkStatus.UP);
    assertThat(HealthRule.from(TrunkStatus.UNKNOWN).missed().status())
        .isEqualTo(TrunkStatus.UNKNOWN);
  }
}
