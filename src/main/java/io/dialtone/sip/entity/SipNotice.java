package io.dialtone.sip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A portal notice from the registrar to one user ({@code sip_notice}), open until its recipient
 * dismisses it. Written only by {@code control.SipNotices} (an {@code INSERT IGNORE} that keeps
 * each notice once per recipient and dedupe key); read here.
 */
@Entity
@Table(name = "sip_notice")
@NamedQuery(
    name = SipNotice.OPEN_FOR_USER,
    query =
        """
        SELECT n FROM SipNotice n WHERE n.userId = :userId AND n.dismissedAt IS NULL
        ORDER BY n.createdAt DESC, n.id DESC""")
public class SipNotice {

  public static final String OPEN_FOR_USER = "SipNotice.openForUser";

  @Id private Long id;

  @Column(name = "user_id")
  private long userId;

  @Column(name = "account_id")
  private long accountId;

  @Column(name = "extension_id")
  private Long extensionId;

  @Enumerated(EnumType.STRING)
  private SipNoticeKind kind;

  private String subject;
  private String detail;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "dismissed_at")
  private Instant dismissedAt;

  protected SipNotice() {}

  public void dismiss(Instant now) {
    if (dismissedAt == null) {
      dismissedAt = now;
    }
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

  public Long getExtensionId() {
    return extensionId;
  }

  public SipNoticeKind getKind() {
    return kind;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDismissedAt() {
    return dismissedAt;
  }
}
