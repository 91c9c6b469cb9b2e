package io.dialtone.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.notification.entity.OutgoingMail;
import io.dialtone.notification.entity.PortalNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notice centre's texts: the e-mail's subject and body in the recipient's language without the
 * mail footer, cut to the columns; kinds that carry a one-time link never reach the portal.
 */
class PortalNoticesTest {

  /** The kinds whose body holds a one-time link. */
  private static final Set<String> LINKS =
      Set.of("PASSWORD_RESET_LINK", "INVITATION", "MFA_RESET_LINK", "EMAIL_CHANGE_LINK");

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
    assertThatThrownBy(() -> notices.post(7, 3, withLink, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longTextsAreCutToTheColumnsAndAStoredNoticeStartsUnread() {
    PortalNotice notice =
        new PortalNotice(
            7,
            3,
            NoticeKind.LIMIT_REQUEST_RECEIVED,
            "s".repeat(500),
            "b".repeat(5000),
            Instant.EPOCH);
    assertThat(notice.getSubject()).hasSize(PortalNotice.SUBJECT_MAX).endsWith("…");
    assertThat(notice.getBody()).hasSize(PortalNotice.BODY_MAX).endsWith("…");
    assertThat(notice.isUnread()).isTrue();
    notice.markRead(Instant.EPOCH.plusSeconds(5));
    notice.markRead(Instant.EPOCH.plusSeconds(9));
    assertThat(notice.getReadAt()).isEqualTo(Instant.EPOCH.plusSeconds(5));
    assertThat(notice.isUnread()).isFalse();
  }

  @Test
  void aNoticeKeepsTheAccountItIsAboutAndItsKind() {
    PortalNotice notice =
        new PortalNotice(7, 3, NoticeKind.SIP_FAILURE_BURST, "subject", "body", Instant.EPOCH);
    assertThat(notice.getUserId()).isEqualTo(7);
    assertThat(notice.getAccountId()).isEqualTo(3);
    assertThat(notice.getKind()).isEqualTo(NoticeKind.SIP_FAILURE_BURST);
    assertThat(notice.getKind().category()).isEqualTo(NoticeCategory.PHONES);
  }

  @Test
  void everyKindButTheLinksIsPosted() {
    for (NoticeKind kind : NoticeKind.values()) {
      assertThat(kind.posted()).as(kind.name()).isEqualTo(!LINKS.contains(kind.name()));
    }
    assertThat(NoticeKind.DID_ASSIGNED.category()).isEqualTo(NoticeCategory.NUMBERS);
    assertThat(NoticeKind.USAGE_ALERT.category()).isEqualTo(NoticeCategory.USAGE);
    assertThat(NoticeKind.LIMIT_REQUEST_RECEIVED.category()).isEqualTo(NoticeCategory.USAGE);
    assertThat(NoticeKind.SIP_SOURCE_BANNED.category()).isEqualTo(NoticeCategory.PHONES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
  void everyCategoryAndReadStateHasItsLabel(String bundle) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/io/dialtone/i18n/" + bundle)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (NoticeCategory category : NoticeCategory.values()) {
      assertThat(texts).containsKey("NoticeCategory." + category);
    }
    for (NoticeFilter.ReadState state : NoticeFilter.ReadState.values()) {
      assertThat(texts).containsKey("ReadState." + state);
    }
  }
}
