package io.dialtone.extension.entity;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.SipDomain;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * One extension of a customer account. Holds its SIP credential as encrypted HA1 values only (the
 * secret is never stored), its voicemail PIN as a hash, and its settings. Equal by id: a number is
 * reused after a deletion, so it does not name one extension over time.
 */
@Entity
@Table(name = "extension")
@NamedQuery(
    name = Extension.LIST_BY_ACCOUNT,
    query =
        """
        SELECT e FROM Extension e WHERE e.accountId = :accountId
        AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED ORDER BY e.number""")
@NamedQuery(
    name = Extension.LIST_BY_USER,
    query =
        """
        SELECT e FROM Extension e WHERE e.assignedUserId = :userId
        AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED ORDER BY e.number""")
@NamedQuery(
    name = Extension.FIND_BY_REALM_AND_USER,
    query =
        """
        SELECT e FROM Extension e WHERE e.realm = :realm AND e.number = :number
        AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED""")
@NamedQuery(
    name = Extension.FIND_LIVE_BY_NUMBER,
    query =
        """
        SELECT e FROM Extension e WHERE e.accountId = :accountId AND e.number = :number
        AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED""")
public class Extension {

  public static final String LIST_BY_ACCOUNT = "Extension.listByAccount";
  public static final String LIST_BY_USER = "Extension.listByUser";
  public static final String FIND_BY_REALM_AND_USER = "Extension.findByRealmAndUser";
  public static final String FIND_LIVE_BY_NUMBER = "Extension.findLiveByNumber";
  public static final int NAME_MAX = 120;
  public static final int DESTINATION_MAX = 32;
  public static final int MIN_REGISTRATIONS = 1;
  public static final int MAX_REGISTRATIONS = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private AccountId accountId;

  @Column(nullable = false, length = ExtensionNumber.MAX_DIGITS, updatable = false)
  private ExtensionNumber number;

  @NotBlank
  @Size(max = NAME_MAX)
  @Column(name = "display_name", nullable = false, length = NAME_MAX)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExtensionType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExtensionStatus status;

  @Column(name = "assigned_user_id")
  private Long assignedUserId;

  @Column(nullable = false, length = SipDomain.MAX_LENGTH, updatable = false)
  private SipDomain realm;

  @Column(name = "ha1_sha256")
  private String ha1Sha256;

  @Column(name = "ha1_md5")
  private String ha1Md5;

  @Column(name = "secret_changed_at")
  private Instant secretChangedAt;

  @Column(name = "max_registrations", nullable = false)
  private int maxRegistrations = MIN_REGISTRATIONS;

  @Column(name = "continuity_destination", length = DESTINATION_MAX)
  private String continuityDestination;

  /** Shortest and longest ring timeout before the service continuity destination (seconds). */
  public static final int RING_MIN = 5;

  public static final int RING_MAX = 300;

  @Column(name = "ring_timeout_seconds")
  private Integer ringTimeoutSeconds;

  @Column(name = "pin_hash")
  private String pinHash;

  @Column(name = "pin_must_change", nullable = false)
  private boolean pinMustChange;

  @Column(name = "pin_failures", nullable = false)
  private int pinFailures;

  @Column(name = "pin_locked_until")
  private Instant pinLockedUntil;

  @Column(name = "last_registered_at", insertable = false, updatable = false)
  private Instant lastRegisteredAt;

  @Column(name = "last_call_at", insertable = false, updatable = false)
  private Instant lastCallAt;

  @Column(name = "outbound_caller_id", length = E164Number.MAX_LENGTH)
  private E164Number outboundCallerId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Version private long version;

  protected Extension() {}

  /** A new active extension; its credential is set by {@link #replaceCredential}. */
  public static Extension create(
      AccountId accountId,
      ExtensionNumber number,
      String displayName,
      ExtensionType type,
      Long assignedUserId,
      SipDomain realm,
      Instant now) {
    Extension e = new Extension();
    e.accountId = Objects.requireNonNull(accountId);
    e.number = Objects.requireNonNull(number);
    e.displayName = Objects.requireNonNull(displayName).strip();
    e.type = Objects.requireNonNull(type);
    e.status = ExtensionStatus.ACTIVE;
    e.assignedUserId = assignedUserId;
    e.realm = Objects.requireNonNull(realm);
    e.createdAt = now;
    return e;
  }

  /** Replaces the stored HA1 values (already encrypted); the old secret stops working. */
  public void replaceCredential(String encryptedHa1Sha256, String encryptedHa1Md5, Instant now) {
    this.ha1Sha256 = Objects.requireNonNull(encryptedHa1Sha256);
    this.ha1Md5 = Objects.requireNonNull(encryptedHa1Md5);
    this.secretChangedAt = now;
  }

  public void rename(String newName) {
    this.displayName = Objects.requireNonNull(newName).strip();
  }

  public void assignTo(Long userId) {
    this.assignedUserId = userId;
  }

  public void disable() {
    requireLive();
    status = ExtensionStatus.DISABLED;
  }

  public void enable() {
    requireLive();
    status = ExtensionStatus.ACTIVE;
  }

  /** Soft delete: the number is free again, the credential and PIN are wiped, the row stays. */
  public void delete(Instant now) {
    requireLive();
    status = ExtensionStatus.DELETED;
    deletedAt = now;
    ha1Sha256 = null;
    ha1Md5 = null;
    pinHash = null;
    assignedUserId = null;
  }

  public void changeMaxRegistrations(int max) {
    if (max < MIN_REGISTRATIONS || max > MAX_REGISTRATIONS) {
      throw new IllegalArgumentException("max registrations out of range");
    }
    this.maxRegistrations = max;
  }

  /** The continuity destination (already checked against the call policy), or none. */
  public void changeContinuityDestination(String destination) {
    this.continuityDestination = destination;
  }

  /** The DID presented on outbound calls (already checked against the account's), or none. */
  public void changeOutboundCallerId(E164Number number) {
    requireLive();
    this.outboundCallerId = number;
  }

  /** A new PIN hash; {@code mustChange} after an administrator's reset. Clears the lock. */
  public void replacePin(String hash, boolean mustChange) {
    this.pinHash = Objects.requireNonNull(hash);
    this.pinMustChange = mustChange;
    this.pinFailures = 0;
    this.pinLockedUntil = null;
  }

  public boolean isPinLockedAt(Instant now) {
    return pinLockedUntil != null && pinLockedUntil.isAfter(now);
  }

  /** Counts a wrong PIN; locks until {@code lockUntil} at the {@code max}-th failure in a row. */
  public boolean recordPinFailure(int max, Instant lockUntil) {
    pinFailures++;
    if (pinFailures >= max) {
      pinFailures = 0;
      pinLockedUntil = lockUntil;
      return true;
    }
    return false;
  }

  public void recordPinSuccess() {
    pinFailures = 0;
    pinLockedUntil = null;
  }

  /**
   * Whether no phone registered and no call was made for {@code days} days before {@code now},
   * counting from its creation when it was never used (policy: disable unused extensions).
   */
  public boolean isUnusedAt(Instant now, int days) {
    Instant last = createdAt;
    for (Instant used : new Instant[] {lastRegisteredAt, lastCallAt}) {
      if (used != null && used.isAfter(last)) {
        last = used;
      }
    }
    return last.plus(java.time.Duration.ofDays(days)).isBefore(now);
  }

  private void requireLive() {
    if (status == ExtensionStatus.DELETED) {
      throw new IllegalStateException("extension deleted");
    }
  }

  public boolean isLive() {
    return status != ExtensionStatus.DELETED;
  }

  public Long getId() {
    return id;
  }

  public AccountId getAccountId() {
    return accountId;
  }

  public ExtensionNumber getNumber() {
    return number;
  }

  public String getDisplayName() {
    return displayName;
  }

  public ExtensionType getType() {
    return type;
  }

  public ExtensionStatus getStatus() {
    return status;
  }

  public Long getAssignedUserId() {
    return assignedUserId;
  }

  public SipDomain getRealm() {
    return realm;
  }

  public String getHa1Sha256() {
    return ha1Sha256;
  }

  public String getHa1Md5() {
    return ha1Md5;
  }

  public Instant getSecretChangedAt() {
    return secretChangedAt;
  }

  public int getMaxRegistrations() {
    return maxRegistrations;
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

  public String getPinHash() {
    return pinHash;
  }

  public boolean isPinMustChange() {
    return pinMustChange;
  }

  public int getPinFailures() {
    return pinFailures;
  }

  public Instant getPinLockedUntil() {
    return pinLockedUntil;
  }

  public Instant getLastRegisteredAt() {
    return lastRegisteredAt;
  }

  public E164Number getOutboundCallerId() {
    return outboundCallerId;
  }

  public Instant getLastCallAt() {
    return lastCallAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Extension other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
