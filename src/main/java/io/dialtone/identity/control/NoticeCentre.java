package io.dialtone.identity.control;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.notification.control.PortalNotices;
import io.dialtone.notification.entity.PortalNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The signed-in user's notice centre: their own portal notices only, whoever they are (every role
 * has one; no permission beyond being signed in). The user is always the session's, never an id
 * from a request; marking another user's notice read is refused as not found and audited
 * (SECURITY.md F2). While an agent acts as a customer, the centre is the agent's own: notices are
 * personal and are not shared with whoever acts for the customer.
 */
@ApplicationScoped
public class NoticeCentre {

  /** How many notices the page lists at most (the newest). */
  public static final int SHOWN = 100;

  @Inject AccessControl access;
  @Inject PortalNotices notices;

  /** The caller's unread notices (the bell). */
  @Transactional
  public long unread() {
    return notices.unread(access.caller().userId());
  }

  /** The caller's notices, newest first. */
  @Transactional
  public List<PortalNotice> mine() {
    return notices.of(access.caller().userId(), SHOWN);
  }

  /** Marks one of the caller's notices read; anybody else's id is refused (audited, 404). */
  @Transactional
  public void markRead(long noticeId) {
    SignedInUser caller = access.caller();
    if (!notices.markRead(caller.userId(), noticeId)) {
      throw access.refuse("portal-notice:" + noticeId, "not the caller's notice");
    }
  }

  /** Marks all the caller's notices read; how many were unread. */
  @Transactional
  public int markAllRead() {
    return notices.markAllRead(access.caller().userId());
  }
}
