package io.dialtone.notification.control;

import io.dialtone.notification.entity.Notice;
import io.dialtone.notification.entity.NoticeKind;
import io.dialtone.notification.entity.OutgoingMail;
import io.dialtone.notification.entity.PortalNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The store of the notice centre ({@code portal_notice}): one row per recipient, with the texts of
 * the e-mail in the recipient's language (without the mail footer). Every method takes the user it
 * is about and checks no permission: the caller-facing use cases ({@code
 * identity.control.NoticeCentre}) pass the signed-in user's id, never one from a request. Joins the
 * caller's transaction.
 */
@ApplicationScoped
public class PortalNotices {

  /** Kinds whose body holds a one-time link: they go by e-mail only, never into the portal. */
  static final Set<NoticeKind> MAIL_ONLY =
      EnumSet.of(
          NoticeKind.PASSWORD_RESET_LINK,
          NoticeKind.INVITATION,
          NoticeKind.MFA_RESET_LINK,
          NoticeKind.EMAIL_CHANGE_LINK);

  private final MailTexts texts = new MailTexts();

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Stores {@code notice} in the notice centre of {@code userId}.
   *
   * @throws IllegalArgumentException for a kind that carries a one-time link
   */
  @Transactional
  public PortalNotice post(long userId, Notice notice) {
    if (MAIL_ONLY.contains(notice.kind())) {
      throw new IllegalArgumentException(notice.kind() + " carries a link: mail only");
    }
    OutgoingMail text = texts.renderWithoutFooter(notice);
    PortalNotice stored =
        new PortalNotice(userId, notice.kind(), text.subject(), text.body(), clock.instant());
    em.persist(stored);
    return stored;
  }

  /** How many of the user's notices are unread. */
  @Transactional
  public long unread(long userId) {
    return em.createNamedQuery(PortalNotice.COUNT_UNREAD, Long.class)
        .setParameter("userId", userId)
        .getSingleResult();
  }

  /** The user's notices, newest first, at most {@code max}. */
  @Transactional
  public List<PortalNotice> of(long userId, int max) {
    return em.createNamedQuery(PortalNotice.LIST_BY_USER, PortalNotice.class)
        .setParameter("userId", userId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Marks one notice of the user read; {@code false} when it is not theirs (or does not exist). */
  @Transactional
  public boolean markRead(long userId, long noticeId) {
    PortalNotice notice = em.find(PortalNotice.class, noticeId);
    if (notice == null || notice.getUserId() != userId) {
      return false;
    }
    notice.markRead(clock.instant());
    return true;
  }

  /** Marks every notice of the user read; how many were unread. */
  @Transactional
  public int markAllRead(long userId) {
    return em.createNamedQuery(PortalNotice.MARK_ALL_READ)
        .setParameter("userId", userId)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
