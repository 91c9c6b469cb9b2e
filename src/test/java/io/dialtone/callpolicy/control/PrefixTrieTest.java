package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrefixTrieTest {

  private final PrefixTrie trie =
      new PrefixTrie().addPrefix("44", 1).addPrefix("4420", 2).addNumber("442079460000", 3);

  @Test
  void theLongestPrefixWins() {
    assertThat(trie.match("441614960000")).isEqualTo(1);
    assertThat(trie.match("442079460001")).isEqualTo(2);
  }

  @Test
  void aWholeNumberBeatsEveryPrefix() {
    assertThat(trie.match("442079460000")).isEqualTo(3);
  }

  @Test
  void aWholeNumberDoesNotMatchLongerOrShorterNumbers() {
    PrefixTrie numbers = new PrefixTrie().addNumber("16135550123", 9);

    assertThat(numbers.match("161355501234")).isEqualTo(PrefixTrie.NONE);
    assertThat(numbers.match("1613555012")).isEqualTo(PrefixTrie.NONE);
    assertThat(numbers.match("16135550123")).isEqualTo(9);
  }

  @Test
  void noMatchAndNonDigitsAnswerNone() {
    assertThat(trie.match("33142685300")).isEqualTo(PrefixTrie.NONE);
    assertThat(trie.match("")).isEqualTo(PrefixTrie.NONE);
    assertThat(new PrefixTrie().addPrefix("1", 5).match("x1")).isEqualTo(PrefixTrie.NONE);
  }

  @Test
  void onlyDigitsCanBeAdded() {
    assertThatThrownBy(() -> new PrefixTrie().addPrefix("4a", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsItsEntries() {
    assertThat(trie.size()).isEqualTo(3);
    assertThat(new PrefixTrie().isEmpty()).isTrue();
  }
}
