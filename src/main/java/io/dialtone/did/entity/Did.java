package io.dialtone.did.entity;

import io.dialtone.kernel.entity.E164Number;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One DID: an E.164 number held by exactly one account (the platform's inventory, a reseller or a
 * customer), the extension or the ring group of that customer it rings, if any, and where its calls
 * go when nobody answers. Changing hands clears the route and the continuity destination: they were
 * the previous holder's. Equal by number.
 */
@Entity
@Table(name = "did")
@NamedQuery(name = Did.FIND_BY_NUMBER, query = "SELECT d FROM Did d WHERE d.number = :number")
@NamedQuery(
    name = Did.LIST_BY_EXTENSION,
    query = "SELECT d.number FROM Did d WHERE d.extensionId = :extensionId ORDER BY d.number")
@NamedQuery(
    name = Did.LIST_BY_ACCOUNT,
    query =
        """
        SELECT d FROM Did d WHERE d.accountId = :accountId
        ORDER BY d.callerIdDefault DESC, d.number""")
public class Did {

  public static final String LIST_BY_ACCOUNT = "Did.listByAccount";

  public static final String FIND_BY_NUMBER = "Did.findByNumber";
  public static final String LIST_BY_EXTENSION = "Did.listByExtension";

  /** The longest continuity destination, as for an extension's. */
  public static final int DESTINATION_MAX = 32;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = E164Number.MAX_LENGTH, updatable = false)
  private E164Number number;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "extension_id")
  private Long extensionId;

  @Column(name = "ring_group_id")
  private Long ringGroupId;

  @Column(name = "continuity_destination", length = DESTINATION_MAX)
  private String continuityDestination;

  /** Shortest and longest ring timeout before the service continuity destination (seconds). */
  public static final int RING_MIN = 5;

  public static final int RING_MAX = 300;

  @Column(name = "ring_timeout_seconds")
  private Integer ringTimeoutSeconds;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  @Column(name = "caller_id_default", nullable = false)
  private boolean callerIdDefault;

  @Version private long version;

  protected Did() {}

  /** A new number in the inventory of {@code accountId} (the platform's). */
  public static Did inInventory(E164Number number, long accountId, Instant now) {
    Did did = new Did();
    did.number = number;
    did.accountId = accountId;
    did.createdAt = now;
    return did;
  }

  /** Moves the number to {@code holderId}; the route and continuity of the old holder go. */
  public void handTo(long holderId, Instant now) {
    if (holderId == accountId) {
      return;
    }
    accountId = holderId;
    assignedAt = now;
    extensionId = null;
    ringGroupId = null;
    continuityDestination = null;
    callerIdDefault = false;
  }

  /** Makes this number its holder's default outbound caller ID, or no longer. */
  public void markCallerIdDefault(boolean isDefault) {
    callerIdDefault = isDefault;
  }

  public boolean isCallerIdDefault() {
    return callerIdDefault;
  }

  /** Rings {@code extension} (an extension of the holder, checked by the caller) or nothing. */
  public void routeTo(Long extension) {
    extensionId = extension;
    if (extension != null) {
      ringGroupId = null;
    }
  }

  /** Rings the ring group {@code group} (one of the holder's, checked by the caller) instead. */
  public void routeToGroup(Long group) {
    ringGroupId = group;
    if (group != null) {
      extensionId = null;
    }
  }

  /** The ring group the number rings, or null (then its extension, if any). */
  public Long getRingGroupId() {
    return ringGroupId;
  }

  /** Sets the continuity destination (checked by the caller) or clears it with {@code null}. */
  public void changeContinuityDestination(String destination) {
    if (destination != null && (destination.isBlank() || destination.length() > DESTINATION_MAX)) {
      throw new IllegalArgumentException("invalid continuity destination");
    }
    continuityDestination = destination;
  }

  public Long getId() {
    return id;
  }

  public E164Number getNumber() {
    return number;
  }

  public long getAccountId() {
    return accountId;
  }

  public Long getExtensionId() {
    return extensionId;
  }

  /** Seconds the phones ring before the continuity destination; null: the default. */
  public Integer getRingTimeoutSeconds() {
    return ringTimeoutSeconds;
  }

  /** Sets the ring timeout ({@value #RING_MIN}–{@value #RING_MAX} s), or null for the default. */
  public void changeRingTimeout(Integer seconds) {
    if (seconds != null && (seconds < RING_MIN || seconds > RING_MAX)) {
      throw new IllegalArgumentException("ring timeout out of range");
    }
    this.ringTimeoutSeconds = seconds;
  }

  public String getContinuityDestination() {
    return continuityDestination;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Did other && Objects.equals(number, other.number));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(number);
  }
}
