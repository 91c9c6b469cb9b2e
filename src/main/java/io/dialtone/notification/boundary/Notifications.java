package io.dialtone.notification.boundary;

import io.dialtone.notification.control.PortalNotices;
import io.dialtone.notification.entity.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * What other components call to e-mail someone, or to e-mail them and put the same notice in their
 * notice centre ({@link #tell}).
 *
 * <p>Design: {@link #send(Notice)} only fires a CDI event; {@link NoticeDispatcher} observes it
 * after the caller's transaction committed ({@code AFTER_SUCCESS}; at once when there is no
 * transaction) and hands it to a managed thread. So a rolled-back change sends nothing, a committed
 * change never fails or waits because of the mail server, and a request takes the same time whether
 * or not it sends mail (SECURITY.md A7). A failed send is logged at SEVERE, not retried.
 */
@ApplicationScoped
public class Notifications {

  @Inject Event<Notice> notices;
  @Inject PortalNotices portal;

  public void send(Notice notice) {
    notices.fire(notice);
  }

  /**
   * Tells user {@code userId} in both places: a notice in their notice centre, stored in the
   * caller's transaction, and the e-mail, sent after commit as {@link #send} does. For notices
   * without a one-time link only.
   */
  public void tell(long userId, Notice notice) {
    portal.post(userId, notice);
    send(notice);
  }
}
