package io.dialtone.notification.boundary;

import io.dialtone.notification.entity.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * What other components call to e-mail someone.
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

  public void send(Notice notice) {
    notices.fire(notice);
  }
}
