package io.dialtone.notification.control;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The signed-in user's notices: their own only, whoever they are (every role has a notice page; no
 * permission beyond being signed in). The user is always the session's, never an id from a request;
 * marking another user's notice read is refused as not found and audited (SECURITY.md F2). While an
 * agent acts as a customer, the notices are the agent's own: notices are personal and are not
 * shared with whoever acts for the customer.
 */
@ApplicationScoped
public class NoticeCentre {

  /** How many notices a page lists at most (the newest). */
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
  public List<NoticeView> mine() {
    return mine(NoticeFilter.all());
  }

  /** The caller's notices that {@code filter} lets through, newest first. */
  @Transactional
  public List<NoticeView> mine(NoticeFilter filter) {
    return notices.of(access.caller().userId(), filter, SHOWN);
  }

  /**
   * The caller's notices of {@code category} about account {@code accountId} (a page about that
   * account shows them): only those sent to the caller, so nobody sees another's.
   */
  @Transactional
  public List<NoticeView> about(long accountId, NoticeCategory category, int max) {
    return notices.about(access.caller().userId(), accountId, category, max);
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
