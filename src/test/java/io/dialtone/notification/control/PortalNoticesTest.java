package io.dialtone.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import io.dialtone.notification.entity.OutgoingMail;
import io.dialtone.notification.entity.PortalNotice;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The notice centre's texts: the e-mail's subject and body in the recipient's language without the
 * mail footer, cut to the columns; kinds that carry a one-time link never reach the portal.
 */
class PortalNoticesTest {

  private final MailTexts texts = new MailTexts();

  @Test
  void thePortalTextIsTheMailWithoutItsFooterInTheRecipientsLanguage() {
    Notice fr =
        Notice.of(
            "a@example.test",
            Locale.CANADA_FRENCH,
            NoticeKind.DID_ASSIGNED,
            "+16135550100",
            "Acme");
    OutgoingMail portal = texts.renderWithoutFooter(fr);
    OutgoingMail mail = texts.render(fr);
    assertThat(portal.subject()).isEqualTo(mail.subject()).contains("+16135550100");
    assertThat(portal.body()).contains("+16135550100", "Acme", "attribué").doesNotContain("—");
    assertThat(mail.body()).startsWith(portal.body()).contains("— Dialtone");
  }

  @ParameterizedTest
  @EnumSource(
      value = NoticeKind.class,
      names = {"PASSWORD_RESET_LINK", "INVITATION", "MFA_RESET_LINK", "EMAIL_CHANGE_LINK"})
  void kindsWithALinkGoByMailOnly(NoticeKind kind) {
    PortalNotices notices = new PortalNotices(); // refuses before it stores anything
    Notice withLink = Notice.of("a@example.test", Locale.ENGLISH, kind, "https://x/t?token=S", "1");
    assertThatThrownBy(() -> notices.post(7, withLink))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longTextsAreCutToTheColumnsAndAStoredNoticeStartsUnread() {
    PortalNotice notice =
        new PortalNotice(
            7, NoticeKind.LIMIT_REQUEST_RECEIVED, "s".repeat(500), "b".repeat(5000), Instant.EPOCH);
    assertThat(notice.getSubject()).hasSize(PortalNotice.SUBJECT_MAX).endsWith("…");
    assertThat(notice.getBody()).hasSize(PortalNotice.BODY_MAX).endsWith("…");
    assertThat(notice.isUnread()).isTrue();
    notice.markRead(Instant.EPOCH.plusSeconds(5));
    notice.markRead(Instant.EPOCH.plusSeconds(9));
    assertThat(notice.getReadAt()).isEqualTo(Instant.EPOCH.plusSeconds(5));
    assertThat(notice.isUnread()).isFalse();
  }
}
