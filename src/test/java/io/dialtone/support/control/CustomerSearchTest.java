package io.dialtone.support.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerSearchTest {

  @Test
  void aSearchNeedsTwoToTwoHundredFiftyFourCharactersAfterTrimming() {
    assertThat(CustomerSearch.isSearchable(null)).isFalse();
    assertThat(CustomerSearch.isSearchable("")).isFalse();
    assertThat(CustomerSearch.isSearchable("  a  ")).isFalse();
    assertThat(CustomerSearch.isSearchable("ac")).isTrue();
    assertThat(CustomerSearch.isSearchable(" C-000123 ")).isTrue();
    assertThat(CustomerSearch.isSearchable("x".repeat(254))).isTrue();
    assertThat(CustomerSearch.isSearchable("x".repeat(255))).isFalse();
  }
}
