package io.dialtone.notification.control;

import io.dialtone.notification.entity.OutgoingMail;
import io.dialtone.notification.entity.PortalNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one store of notices ({@code portal_notice}): one row per recipient, about one account, with
 * the texts of the e-mail in the recipient's language (without the mail footer). Every method takes
 * the user it is about and checks no permission: the caller-facing use cases ({@link NoticeCentre})
 * pass the signed-in user's id, never one from a request. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class PortalNotices {

  private static final String INSERT_ONCE =
      """
      INSERT IGNORE INTO portal_notice (user_id, account_id, kind, subject, body, created_at,
      dedupe_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""";

  private static final String GUESSING_BURSTS =
      """
      SELECT n.accountId, COUNT(DISTINCT n.dedupeKey) FROM PortalNotice n
      WHERE n.kind = :kind AND n.createdAt >= :since GROUP BY n.accountId""";

  private final MailTexts texts = new MailTexts();

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Stores {@code notice} for {@code userId}, about account {@code accountId}; with a {@code
   * dedupeKey}, only when that user has no notice under the same key yet.
   *
   * @return whether it was stored ({@code false}: stored before under the same key)
   * @throws IllegalArgumentException for a kind that carries a one-time link
   */
  @Transactional
  public boolean post(long userId, long accountId, Notice notice, String dedupeKey) {
    if (!notice.kind().posted()) {
      throw new IllegalArgumentException(notice.kind() + " carries a link: mail only");
    }
    OutgoingMail text = texts.renderWithoutFooter(notice);
    PortalNotice stored =
        new PortalNotice(
            userId, accountId, notice.kind(), text.subject(), text.body(), clock.instant());
    if (dedupeKey == null) {
      em.persist(stored);
      return true;
    }
    return em.createNativeQuery(INSERT_ONCE)
            .setParameter(1, userId)
            .setParameter(2, accountId)
            .setParameter(3, notice.kind().name())
            .setParameter(4, stored.getSubject())
            .setParameter(5, stored.getBody())
            .setParameter(6, Timestamp.from(stored.getCreatedAt()))
            .setParameter(7, cut(dedupeKey))
            .executeUpdate()
        == 1;
  }

  /** How many of the user's notices are unread. */
  @Transactional
  public long unread(long userId) {
    return em.createNamedQuery(PortalNotice.COUNT_UNREAD, Long.class)
        .setParameter("userId", userId)
        .getSingleResult();
  }

  /** The user's notices that {@code filter} lets through, newest first, at most {@code max}. */
  @Transactional
  public List<NoticeView> of(long userId, NoticeFilter filter, int max) {
    return select(userId, filter, null, max);
  }

  /**
   * Per account, how many bursts of failed registrations against its phones (someone guessing an
   * extension's password) its administrators were told of since {@code since}: one per extension
   * and window however many were told. Accounts without any are absent. The caller scopes what it
   * shows.
   */
  @Transactional
  public Map<Long, Long> guessingBursts(Instant since) {
    List<Object[]> rows =
        em.createQuery(GUESSING_BURSTS, Object[].class)
            .setParameter("kind", NoticeKind.SIP_FAILURE_BURST.name())
            .setParameter("since", since)
            .getResultList();
    Map<Long, Long> bursts = new HashMap<>();
    rows.forEach(r -> bursts.put((Long) r[0], ((Number) r[1]).longValue()));
    return bursts;
  }

  /** The user's notices of {@code category} about account {@code accountId}, newest first. */
  @Transactional
  public List<NoticeView> about(long userId, long accountId, NoticeCategory category, int max) {
    return select(userId, new NoticeFilter(category, null, null), accountId, max);
  }

  private List<NoticeView> select(long userId, NoticeFilter filter, Long accountId, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<PortalNotice> query = cb.createQuery(PortalNotice.class);
    Root<PortalNotice> n = query.from(PortalNotice.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(n.get("userId"), userId));
    if (accountId != null) {
      where.add(cb.equal(n.get("accountId"), accountId));
    }
    if (filter.category() != null) {
      where.add(n.get("kind").in(kindsOf(filter.category())));
    }
    switch (filter.state()) {
      case UNREAD -> where.add(cb.isNull(n.get("readAt")));
      case READ -> where.add(cb.isNotNull(n.get("readAt")));
      case ALL -> {
        // both
      }
    }
    if (filter.since() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              n.get("createdAt"), filter.since().atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    query
        .select(n)
        .where(where.toArray(Predicate[]::new))
        .orderBy(cb.desc(n.get("createdAt")), cb.desc(n.get("id")));
    return em.createQuery(query).setMaxResults(max).getResultList().stream()
        .map(PortalNotice::view)
        .toList();
  }

  private static List<String> kindsOf(NoticeCategory category) {
    return Arrays.stream(NoticeKind.values())
        .filter(kind -> kind.category() == category)
        .map(Enum::name)
        .toList();
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

  private static String cut(String key) {
    return key.length() <= PortalNotice.DEDUPE_KEY_MAX
        ? key
        : key.substring(0, PortalNotice.DEDUPE_KEY_MAX);
  }
}
