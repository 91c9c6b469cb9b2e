package io.dialtone.notification.boundary.notices;

import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.notification.control.NoticeCentre;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The layout's bell ({@code #{noticeBell.unread}}): the signed-in user's unread notices, counted
 * once per request, when the layout asks; none before the sign-in is complete.
 */
@Named
@RequestScoped
public class NoticeBell {

  private static final Logger LOG = Logger.getLogger(NoticeBell.class.getName());

  @Inject NoticeCentre centre;
  @Inject HttpServletRequest request;

  private Long unread;

  public long getUnread() {
    if (unread == null) {
      unread = SignedInUser.in(request.getSession(false)).isPresent() ? count() : 0L;
    }
    return unread;
  }

  /**
   * The count, or none when it cannot be read: the bell never breaks a page (an error page too).
   */
  private long count() {
    try {
      return centre.unread();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "unread notices not counted", e);
      return 0L;
    }
  }

  /**
   * Counts again when next asked: for an action that marked notices read (the header's {@code
   * rendered} test already asked while the request's form was decoded).
   */
  public void refresh() {
    unread = null;
  }
}
