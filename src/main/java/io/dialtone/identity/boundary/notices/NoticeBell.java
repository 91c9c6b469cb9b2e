package io.dialtone.identity.boundary.notices;

import io.dialtone.identity.boundary.CurrentUser;
import io.dialtone.identity.control.NoticeCentre;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The layout's bell ({@code #{noticeBell.unread}}): the signed-in user's unread notices, counted
 * once per request, when the layout asks; none before the sign-in is complete.
 */
@Named
@RequestScoped
public class NoticeBell {

  @Inject NoticeCentre centre;
  @Inject CurrentUser currentUser;

  private Long unread;

  public long getUnread() {
    if (unread == null) {
      unread = currentUser.isSignedIn() ? centre.unread() : 0L;
    }
    return unread;
  }

  /**
   * Counts again when next asked: for an action that marked notices read (the header's {@code
   * rendered} test already asked while the request's form was decoded).
   */
  public void refresh() {
    unread = null;
  }
}
