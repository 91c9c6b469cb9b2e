package io.dialtone.notification.entity;

import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notice to one user ({@code portal_notice}), about one account: the e-mail's subject and body as
 * rendered in the recipient's language when it was written, unread until they mark it read. A
 * notice with a dedupe key is stored at most once per recipient and key (the writer inserts with
 * {@code INSERT IGNORE}), so a repeated event tells nobody twice.
 */
@Entity
@Table(name = "portal_notice")
@NamedQuery(
    name = PortalNotice.COUNT_UNREAD,
    query = "SELECT COUNT(n) FROM PortalNotice n WHERE n.userId = :userId AND n.readAt IS NULL")
@NamedQuery(
    name = PortalNotice.MARK_ALL_READ,
    query =
        """
        UPDATE PortalNotice n SET n.readAt = :now
        WHERE n.userId = :userId AND n.readAt IS NULL""")
public class PortalNotice {

  public static final String COUNT_UNREAD = "PortalNotice.countUnread";
  public static final String MARK_ALL_READ = "PortalNotice.markAllRead";
  public static final int KIND_MAX = 40;
  public static final int SUBJECT_MAX = 200;
  public static final int BODY_MAX = 2000;
  public static final int DEDUPE_KEY_MAX = 128;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false, length = KIND_MAX)
  private String kind;

  @Column(nullable = false, length = SUBJECT_MAX)
  private String subject;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  @Column(name = "dedupe_key", length = DEDUPE_KEY_MAX)
  private String dedupeKey;

  protected PortalNotice() {}

  public PortalNotice(
      long userId, long accountId, NoticeKind kind, String subject, String body, Instant now) {
    this.userId = userId;
    this.accountId = accountId;
    this.kind = kind.name();
    this.subject = cut(subject, SUBJECT_MAX);
    this.body = cut(body, BODY_MAX);
    this.createdAt = now;
  }

  /** Marks it read (the first time only). */
  public void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public long getAccountId() {
    return accountId;
  }

  public NoticeKind getKind() {
    return NoticeKind.valueOf(kind);
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public boolean isUnread() {
    return readAt == null;
  }

  /** As pages show it. */
  public NoticeView view() {
    NoticeKind known = getKind();
    return new NoticeView(id, known, known.category(), subject, body, createdAt, isUnread());
  }
}
