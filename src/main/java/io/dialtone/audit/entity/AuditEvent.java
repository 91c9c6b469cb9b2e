package io.dialtone.audit.entity;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditResult;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit chain: who did what to whom, with which result, from where and when (UTC,
 * microsecond precision), plus the hash of the previous row and its own.
 *
 * <p>Immutable: no setters, every column is {@code updatable = false}, and the row is inserted with
 * its final {@link #getRowHash() row hash}. Chain order is {@link #getId() id} order; the id itself
 * is not hashed (see {@code AuditTrail}). Text fields arrive already escaped and cut to their
 * column lengths. Equality is by row hash, which is set before the row is stored.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_event")
@NamedQuery(
    name = AuditEvent.LIST_BY_ACTOR,
    query =
        "SELECT e FROM AuditEvent e WHERE e.actor = :actor ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
    name = AuditEvent.STREAM_FROM_ID,
    query = "SELECT e FROM AuditEvent e WHERE e.id > :afterId AND e.id <= :lastId ORDER BY e.id")
public class AuditEvent {

  /** Newest first; parameter {@code actor}. */
  public static final String LIST_BY_ACTOR = "AuditEvent.listByActor";

  /** Id order, keyset page; parameters {@code afterId} (exclusive), {@code lastId} (inclusive). */
  public static final String STREAM_FROM_ID = "AuditEvent.streamFromId";

  // Column lengths of V1, shared by @Column, @Size and the escaping in AuditRecord.
  public static final int ACTOR_LENGTH = 254;
  public static final int TARGET_LENGTH = 254;
  public static final int SOURCE_IP_LENGTH = 45;
  public static final int DETAIL_LENGTH = 1000;
  public static final int ACTION_LENGTH = 64;
  public static final int RESULT_LENGTH = 16;
  public static final int HASH_LENGTH = 64;
  private static final String HEX_64 = "[0-9a-f]{64}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(updatable = false)
  private Long id;

  @NotNull
  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Size(max = ACTOR_LENGTH)
  @Column(length = ACTOR_LENGTH, updatable = false)
  private String actor;

  @Size(max = ACTOR_LENGTH)
  @Column(name = "on_behalf_of", length = ACTOR_LENGTH, updatable = false)
  private String onBehalfOf;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(length = ACTION_LENGTH, nullable = false, updatable = false)
  private AuditAction action;

  @Size(max = TARGET_LENGTH)
  @Column(length = TARGET_LENGTH, updatable = false)
  private String target;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(length = RESULT_LENGTH, nullable = false, updatable = false)
  private AuditResult result;

  @Size(max = SOURCE_IP_LENGTH)
  @Column(name = "source_ip", length = SOURCE_IP_LENGTH, updatable = false)
  private String sourceIp;

  @Size(max = DETAIL_LENGTH)
  @Column(length = DETAIL_LENGTH, updatable = false)
  private String detail;

  @Column(name = "account_id", updatable = false)
  private Long accountId;

  @NotNull
  @Pattern(regexp = HEX_64)
  @Column(name = "prev_hash", length = HASH_LENGTH, nullable = false, updatable = false)
  private String prevHash;

  @NotNull
  @Pattern(regexp = HEX_64)
  @Column(name = "row_hash", length = HASH_LENGTH, nullable = false, updatable = false)
  private String rowHash;

  /** For JPA only. */
  protected AuditEvent() {}

  /**
   * A new, not yet stored row. Use {@code AuditRecord#toEvent}, which escapes the text and computes
   * the row hash; this constructor only checks the shape of what it is given.
   *
   * @param occurredAt UTC instant, already truncated to microseconds (the column's precision)
   * @throws IllegalArgumentException if a hash is not 64 lowercase hex digits or the instant is
   *     finer than microseconds
   */
  public AuditEvent(
      Instant occurredAt,
      String actor,
      String onBehalfOf,
      AuditAction action,
      String target,
      AuditResult result,
      String sourceIp,
      String detail,
      Long accountId,
      String prevHash,
      String rowHash) {
    if (occurredAt.getNano() % 1_000 != 0) {
      throw new IllegalArgumentException("occurredAt must be truncated to microseconds");
    }
    if (!prevHash.matches(HEX_64) || !rowHash.matches(HEX_64)) {
      throw new IllegalArgumentException("hashes must be 64 lowercase hex digits");
    }
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.onBehalfOf = onBehalfOf;
    this.action = Objects.requireNonNull(action, "action");
    this.target = target;
    this.result = Objects.requireNonNull(result, "result");
    this.sourceIp = sourceIp;
    this.detail = detail;
    this.accountId = accountId;
    this.prevHash = prevHash;
    this.rowHash = rowHash;
  }

  /** The account the event concerns, or {@code null} for platform-level events. */
  public Long getAccountId() {
    return accountId;
  }

  /** Database id; {@code null} until flushed. Ids grow with chain order but may have gaps. */
  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public AuditResult getResult() {
    return result;
  }

  public String getSourceIp() {
    return sourceIp;
  }

  public String getDetail() {
    return detail;
  }

  /** Row hash of the row before this one in id order, or 64 zeros for the first row. */
  public String getPrevHash() {
    return prevHash;
  }

  /** SHA-256 hex of {@link #getPrevHash()} and this row's canonical content. */
  public String getRowHash() {
    return rowHash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditEvent that && rowHash.equals(that.rowHash);
  }

  @Override
  public int hashCode() {
    return rowHash.hashCode();
  }
}
