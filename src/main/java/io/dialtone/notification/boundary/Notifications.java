package io.dialtone.notification.boundary;

import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.PortalNotices;
import io.dialtone.notification.control.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one way every component tells someone something: {@link #post} puts a notice on the
 * recipient's notice page and e-mails it; {@link #send} only e-mails (the kinds that carry a
 * one-time link, and the security notices that go by mail only).
 *
 * <p>Design: the notice is stored in the caller's transaction; the mail only fires a CDI event,
 * which {@link NoticeDispatcher} observes after that transaction committed ({@code AFTER_SUCCESS};
 * at once when there is no transaction) and hands to a managed thread. So a rolled-back change
 * tells nobody, a committed change never fails or waits because of the mail server, and a request
 * takes the same time whether or not it sends mail (SECURITY.md A7). A failed send is logged at
 * SEVERE, not retried.
 */
@ApplicationScoped
public class Notifications {

  @Inject Event<Notice> notices;
  @Inject PortalNotices portal;

  /** E-mails {@code notice} after the caller's transaction commits; stores nothing. */
  public void send(Notice notice) {
    notices.fire(notice);
  }

  /**
   * Tells {@code to} of something about account {@code accountId}: a notice on their notice page
   * and the e-mail, both in their language. With a {@code dedupeKey}, at most once per recipient
   * and key: a repeated event, or the same event seen by two nodes, stores and mails nothing more.
   * For kinds without a one-time link only.
   *
   * @return whether {@code to} was told now ({@code false}: told before under the same key)
   */
  public boolean post(
      long accountId, Recipient to, NoticeKind kind, String dedupeKey, List<String> arguments) {
    Notice notice = new Notice(to.email(), to.locale(), kind, arguments);
    if (!portal.post(to.userId(), accountId, notice, dedupeKey)) {
      return false;
    }
    send(notice);
    return true;
  }

  /** {@link #post} without a dedupe key: each call tells. */
  public void post(long accountId, Recipient to, NoticeKind kind, String... arguments) {
    post(accountId, to, kind, null, List.of(arguments));
  }
}
