package io.dialtone.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notice in the portal for an account's administrators (the e-mail's twin): an alert, a decision
 * on a limit request, an ended raise. Texts come from the bundle ({@link UsageNoticeKind}); the row
 * holds only the cap, an amount and the decider's comment.
 */
@Entity
@Table(name = "usage_notice")
@NamedQuery(
    name = UsageNotice.LIST_BY_ACCOUNT,
    query =
        """
        SELECT n FROM UsageNotice n WHERE n.accountId = :accountId
        ORDER BY n.createdAt DESC, n.id DESC""")
public class UsageNotice {

  public static final String LIST_BY_ACCOUNT = "UsageNotice.listByAccount";
  public static final int AMOUNT_MAX = 40;
  public static final int DETAIL_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private UsageNoticeKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private UsageCap cap;

  @Column(length = AMOUNT_MAX)
  private String amount;

  @Column(length = DETAIL_MAX)
  private String detail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected UsageNotice() {}

  public UsageNotice(
      long accountId,
      UsageNoticeKind kind,
      UsageCap cap,
      String amount,
      String detail,
      Instant now) {
    this.accountId = accountId;
    this.kind = kind;
    this.cap = cap;
    this.amount = cut(amount, AMOUNT_MAX);
    this.detail = cut(detail, DETAIL_MAX);
    this.createdAt = now;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public UsageNoticeKind getKind() {
    return kind;
  }

  public UsageCap getCap() {
    return cap;
  }

  public String getAmount() {
    return amount;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
