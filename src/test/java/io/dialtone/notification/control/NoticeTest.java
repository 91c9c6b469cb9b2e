package io.dialtone.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoticeTest {

  @Test
  void timesAreShownToTheMinuteInUtc() {
    assertThat(Notice.when(Instant.parse("2026-11-28T23:59:59.999Z")))
        .isEqualTo("2026-11-28 23:59 UTC");
  }

  @Test
  void aMissingLocaleMeansEnglishAndArgumentsNeverShowInLogs() {
    Notice notice =
        Notice.of("a@example.com", null, NoticeKind.PASSWORD_RESET_LINK, "https://secret-link");
    assertThat(notice.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(notice.toString()).doesNotContain("secret-link");
  }
}
