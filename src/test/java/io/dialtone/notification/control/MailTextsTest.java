package io.dialtone.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.notification.entity.OutgoingMail;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mail texts render in the recipient's language with their arguments, from the application bundle.
 */
class MailTextsTest {

  private static final String BUNDLE = MailTexts.BUNDLE;
  private final MailTexts texts = new MailTexts();

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void everyKindHasEnglishAndFrenchTexts(NoticeKind kind) {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
      OutgoingMail mail = texts.render(Notice.of("a@example.test", locale, kind, "ARG0", "ARG1"));
      assertThat(mail.subject()).doesNotContain("???").isNotBlank();
      assertThat(mail.body()).doesNotContain("???").contains("ARG0", "ARG1", "Dialtone");
    }
  }

  @Test
  void frenchRecipientsGetFrenchAndOthersEnglish() {
    Notice fr =
        Notice.of("a@example.test", Locale.CANADA_FRENCH, NoticeKind.PASSWORD_CHANGED, "t", "ip");
    Notice de = Notice.of("a@example.test", Locale.GERMAN, NoticeKind.PASSWORD_CHANGED, "t", "ip");
    assertThat(texts.render(fr).subject()).contains("modifié");
    assertThat(texts.render(de).subject()).isEqualTo("Your Dialtone password was changed");
  }

  @Test
  void aLinkArgumentIsRenderedVerbatim() {
    String link = "https://portal.example/reset.xhtml?token=Ab-_9'x";
    OutgoingMail mail =
        texts.render(
            Notice.of("a@example.test", Locale.FRENCH, NoticeKind.PASSWORD_RESET_LINK, link, "60"));
    assertThat(mail.body()).contains(link).contains("60 minutes");
  }

  @Test
  void toStringNeverShowsTheBody() {
    Notice notice =
        Notice.of(
            "a@example.test", Locale.ENGLISH, NoticeKind.PASSWORD_RESET_LINK, "SECRET-LINK", "60");
    assertThat(notice.toString()).doesNotContain("SECRET-LINK");
    assertThat(texts.render(notice).toString()).doesNotContain("SECRET-LINK");
  }

  @Test
  void logLinesCannotBeSplitByUserData() {
    assertThat(Mailer.oneLine("a@b\r\nFAKE LINE")).doesNotContain("\n").doesNotContain("\r");
  }
}
