package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CdrFacetsTest {

  @Test
  void aCallIsInTheClassOfTheLastLimitNotAboveItsDuration() {
    assertThat(CdrFacets.DURATION_LIMITS[0]).isZero();
    for (int i = 1; i < CdrFacets.DURATION_LIMITS.length; i++) {
      assertThat(CdrFacets.DURATION_LIMITS[i]).isGreaterThan(CdrFacets.DURATION_LIMITS[i - 1]);
    }
    assertThat(CdrFacets.durationClass(0)).isZero();
    assertThat(CdrFacets.durationClass(1)).isEqualTo(1);
    assertThat(CdrFacets.durationClass(4)).isEqualTo(1);
    assertThat(CdrFacets.durationClass(5)).isEqualTo(2);
    assertThat(CdrFacets.durationClass(59)).isEqualTo(7);
    assertThat(CdrFacets.durationClass(60)).isEqualTo(8);
    assertThat(CdrFacets.durationClass(3599)).isEqualTo(16);
    assertThat(CdrFacets.durationClass(3600)).isEqualTo(17);
    assertThat(CdrFacets.durationClass(86_400)).isEqualTo(17);
  }

  @Test
  void aMinimumDurationReadsTheClassesFromTheFirstLimitAtOrAboveIt() {
    assertThat(CdrFacets.firstClassFrom(1)).isEqualTo(1);
    assertThat(CdrFacets.firstClassFrom(60)).isEqualTo(8);
    // between two limits: the classes from the next one (the rest is counted from the rows)
    assertThat(CdrFacets.firstClassFrom(61)).isEqualTo(9);
    assertThat(CdrFacets.firstClassFrom(11)).isEqualTo(4);
    // above the last limit: no class at all
    assertThat(CdrFacets.firstClassFrom(3601)).isEqualTo(CdrFacets.DURATION_LIMITS.length);
  }

  @Test
  void onlyAPrefixOfMoreThanFiveDigitsOrOneWithAnExtensionIsNotKept() {
    CdrFilter range =
        new CdrFilter(
            1,
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            java.time.Instant.parse("2026-02-01T00:00:00Z"),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(CdrFacets.answers(range.withMinBillsec(25))).isTrue();
    assertThat(CdrFacets.answers(range.withMinBillsec(25).withExtension("401"))).isTrue();
    assertThat(CdrFacets.answers(range.withNumberPrefix("15145").withMinBillsec(25))).isTrue();
    assertThat(CdrFacets.answers(range.withNumberPrefix("151455"))).isFalse();
    assertThat(CdrFacets.answers(range.withNumberPrefix("1").withExtension("401"))).isFalse();
  }
}
