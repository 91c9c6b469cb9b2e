package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {

  @Test
  void escapesLineBreaksAndTabs() {
    assertThat(AuditText.clean("a\r\nb\tc", 100)).isEqualTo("a\\r\\nb\\tc");
  }

  @Test
  void escapesOtherControlAndFormatCharacters() {
    assertThat(AuditText.clean("\u0000x\u001b[31m\u007f\u0085", 100))
        .isEqualTo("\\u0000x\\u001b[31m\\u007f\\u0085");
    // line and paragraph separators, right-to-left override, zero-width space, BOM
    assertThat(AuditText.clean("\u2028\u2029\u202e\u200b\ufeff", 100))
        .isEqualTo("\\u2028\\u2029\\u202e\\u200b\\ufeff");
  }

  @Test
  void escapesLoneSurrogatesButKeepsPairs() {
    assertThat(AuditText.clean("a\ud800b", 100)).isEqualTo("a\\ud800b");
    assertThat(AuditText.clean("smile \ud83d\ude00", 100)).isEqualTo("smile \ud83d\ude00");
  }

  @Test
  void keepsOrdinaryTextIncludingQuotesAndBackslashes() {
    String text = "Zoë {\"result\":\"SUCCESS\"} C:\\temp 'x' <b>";
    assertThat(AuditText.clean(text, 100)).isEqualTo(text);
  }

  @Test
  void isIdempotent() {
    String once = AuditText.clean("a\nb\u0000c\\n\u202e", 100);
    assertThat(AuditText.clean(once, 100)).isEqualTo(once);
  }

  @Test
  void mapsNullAndEmptyToNull() {
    assertThat(AuditText.clean(null, 10)).isNull();
    assertThat(AuditText.clean("", 10)).isNull();
  }

  @Test
  void truncatesToMaxLength() {
    assertThat(AuditText.clean("x".repeat(300), 254)).hasSize(254);
    assertThat(AuditText.clean("abc", 3)).isEqualTo("abc");
  }

  @Test
  void truncationNeverSplitsAnEscape() {
    assertThat(AuditText.clean("abcd\nef", 5)).isEqualTo("abcd");
    assertThat(AuditText.clean("ab\u0001", 7)).isEqualTo("ab");
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    assertThat(AuditText.clean("abcd\ud83d\ude00", 5)).isEqualTo("abcd");
  }
}
