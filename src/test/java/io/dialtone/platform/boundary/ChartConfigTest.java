package io.dialtone.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartConfigTest {

  @Test
  void aBarChartWithTwoDataSetsInTheViewersLocale() {
    String json =
        ChartConfig.bars(List.of("Nov 27", "Nov 28"), Locale.FRENCH)
            .dataset("OK", List.of(3L, 0L), ChartConfig.PRIMARY)
            .dataset("Failed", List.of(1L, 2L), ChartConfig.DANGER)
            .toJson();

    assertThat(json)
        .startsWith("{\"type\":\"bar\",\"data\":{\"labels\":[\"Nov 27\",\"Nov 28\"],\"datasets\":[")
        .contains("{\"label\":\"OK\",\"data\":[3,0],\"backgroundColor\":\"#1d4ed8\"")
        .contains("{\"label\":\"Failed\",\"data\":[1,2],\"backgroundColor\":\"#b42318\"")
        .contains("\"locale\":\"fr\"", "\"animation\":false", "\"maintainAspectRatio\":false")
        .contains("\"y\":{\"beginAtZero\":true")
        .doesNotContain("indexAxis");
  }

  @Test
  void aHorizontalChartCountsAlongX() {
    String json =
        ChartConfig.bars(List.of("Acme"), Locale.ENGLISH)
            .dataset("Users", List.of(4L), ChartConfig.PRIMARY)
            .horizontal()
            .withoutLegend()
            .toJson();

    assertThat(json)
        .contains("\"indexAxis\":\"y\"", "\"x\":{\"beginAtZero\":true", "\"display\":false");
  }

  @Test
  void labelsFromUsersAreEscapedForTheScript() {
    String json =
        ChartConfig.bars(List.of("</script><script>alert(1)</script>"), Locale.ENGLISH)
            .dataset("Users", List.of(1), ChartConfig.PRIMARY)
            .toJson();

    assertThat(json).doesNotContain("<", ">").contains("\\u003c/script\\u003e");
  }

  @Test
  void everyDataSetHasOneValuePerLabel() {
    ChartConfig chart = ChartConfig.bars(List.of("a", "b"), Locale.ENGLISH);

    assertThatThrownBy(() -> chart.dataset("x", List.of(1), ChartConfig.PRIMARY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
