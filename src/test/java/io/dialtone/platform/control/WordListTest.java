package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bundled word lists: UTF-8 words, comments and blanks skipped, a missing list fails closed. */
class WordListTest {

  @Test
  void readsOneWordALineSkippingCommentsAndBlanks() {
    assertThat(WordList.load(WordListTest.class, "test-words.txt"))
        .containsExactlyInAnyOrder("hunter2", "Été2026");
    assertThat(WordList.loadLowerCase(WordListTest.class, "test-words.txt"))
        .containsExactlyInAnyOrder("hunter2", "été2026");
  }

  @Test
  void aMissingListIsAnErrorNotAnEmptyList() {
    assertThatThrownBy(() -> WordList.load(WordListTest.class, "no-such-list.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-list.txt");
  }

  @Test
  void theBundledListsLoadWithTheirCommentsLeftOut() {
    assertThat(
            WordList.load(
                io.dialtone.identity.control.PasswordPolicy.class, "common-passwords.txt"))
        .hasSizeGreaterThanOrEqualTo(3000)
        .contains("password");
    assertThat(WordList.load(WordListTest.class, "/io/dialtone/extension/control/common-pins.txt"))
        .contains("123456", "147258")
        .noneMatch(pin -> pin.startsWith("#"));
  }
}
