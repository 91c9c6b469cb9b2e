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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer's request to raise a granted cap above what its reseller (or the platform) set: which
 * cap, the amount, why, and optionally until when. It moves PENDING → APPROVED or REFUSED (once);
 * an approved temporary raise moves to ENDED when it falls back to {@link #getPreviousAmount()}.
 */
@Entity
@Table(name = "limit_request")
@NamedQuery(
    name = LimitRequest.LIST_BY_ACCOUNT,
    query =
        """
        SELECT r FROM LimitRequest r WHERE r.accountId = :accountId
        ORDER BY r.requestedAt DESC, r.id DESC""")
@NamedQuery(
    name = LimitRequest.LIST_PENDING,
    query =
        """
        SELECT r FROM LimitRequest r WHERE r.status = :status AND r.accountId <> :own
        ORDER BY r.requestedAt, r.id""")
@NamedQuery(
    name = LimitRequest.LIST_PENDING_IN,
    query =
        """
        SELECT r FROM LimitRequest r
        WHERE r.status = :status AND r.accountId IN :scope AND r.accountId <> :own
        ORDER BY r.requestedAt, r.id""")
@NamedQuery(
    name = LimitRequest.LIST_ENDING,
    query =
        """
        SELECT r FROM LimitRequest r
        WHERE r.status = :status AND r.endsOn IS NOT NULL AND r.endsOn < :before ORDER BY r.id""")
public class LimitRequest {

  public static final String LIST_BY_ACCOUNT = "LimitRequest.listByAccount";

  /** Pending requests of every account but {@code :own} (a platform-wide approver). */
  public static final String LIST_PENDING = "LimitRequest.listPending";

  /** Pending requests of the accounts in {@code :scope} but {@code :own}. */
  public static final String LIST_PENDING_IN = "LimitRequest.listPendingIn";

  public static final String LIST_ENDING = "LimitRequest.listEnding";
  public static final int REASON_MAX = 500;
  public static final int COMMENT_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private UsageCap cap;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = REASON_MAX)
  private String reason;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LimitRequestStatus status;

  @Column(name = "requested_by", nullable = false)
  private long requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_comment", length = COMMENT_MAX)
  private String decisionComment;

  @Column(name = "previous_amount", precision = 12, scale = 2)
  private BigDecimal previousAmount;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Version private long version;

  protected LimitRequest() {}

  /** A new pending request; the amount must fit the cap, the reason must not be blank. */
  public LimitRequest(
      long accountId,
      UsageCap cap,
      BigDecimal amount,
      String reason,
      LocalDate endsOn,
      long requestedBy,
      Instant now) {
    if (!cap.accepts(amount)) {
      throw new IllegalArgumentException("amount does not fit " + cap);
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > REASON_MAX) {
      throw new IllegalArgumentException("reason");
    }
    this.accountId = accountId;
    this.cap = Objects.requireNonNull(cap);
    this.amount = amount;
    this.reason = reason.strip();
    this.endsOn = endsOn;
    this.status = LimitRequestStatus.PENDING;
    this.requestedBy = requestedBy;
    this.requestedAt = Objects.requireNonNull(now);
  }

  /** Approved by {@code userId}: the cap was {@code previous} before. */
  public void approve(long userId, Instant now, String comment, BigDecimal previous) {
    decide(LimitRequestStatus.APPROVED, userId, now, comment);
    previousAmount = previous;
  }

  public void refuse(long userId, Instant now, String comment) {
    decide(LimitRequestStatus.REFUSED, userId, now, comment);
  }

  /** The temporary raise ended (the cap fell back, or was left where someone else had put it). */
  public void end(Instant now) {
    if (status != LimitRequestStatus.APPROVED || endsOn == null) {
      throw new IllegalStateException("not a running temporary raise");
    }
    status = LimitRequestStatus.ENDED;
    endedAt = now;
  }

  private void decide(LimitRequestStatus to, long userId, Instant now, String comment) {
    if (status != LimitRequestStatus.PENDING) {
      throw new IllegalStateException("already decided");
    }
    status = to;
    decidedBy = userId;
    decidedAt = now;
    decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
  }

  public boolean isPending() {
    return status == LimitRequestStatus.PENDING;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public UsageCap getCap() {
    return cap;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public LimitRequestStatus getStatus() {
    return status;
  }

  public long getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Long getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionComment() {
    return decisionComment;
  }

  public BigDecimal getPreviousAmount() {
    return previousAmount;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
