package io.dialtone.did.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A customer account's ring group: a name unique in the account, how it rings ({@link
 * RingStrategy}), its ring time, its members (extension ids of the account, checked by the caller,
 * in ringing order, {@value #MEMBERS_MIN}–{@value #MEMBERS_MAX}, each once) and its continuity
 * destination (checked by the caller; null: the DID's). Equal by id.
 */
@Entity
@Table(name = "ring_group")
@NamedQuery(
    name = RingGroup.LIST_BY_ACCOUNT,
    query = "SELECT g FROM RingGroup g WHERE g.accountId = :accountId ORDER BY g.name")
@NamedQuery(
    name = RingGroup.LIST_BY_MEMBER,
    query = "SELECT g FROM RingGroup g WHERE :extensionId MEMBER OF g.memberIds")
public class RingGroup {

  public static final String LIST_BY_ACCOUNT = "RingGroup.listByAccount";
  public static final String LIST_BY_MEMBER = "RingGroup.listByMember";

  public static final int NAME_MAX = 40;
  public static final int MEMBERS_MIN = 1;
  public static final int MEMBERS_MAX = 20;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RingStrategy strategy;

  @Column(name = "ring_seconds", nullable = false)
  private int ringSeconds;

  @Column(name = "continuity_destination", length = Did.DESTINATION_MAX)
  private String continuityDestination;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ring_group_member", joinColumns = @JoinColumn(name = "ring_group_id"))
  @OrderColumn(name = "position")
  @Column(name = "extension_id", nullable = false)
  private List<Long> memberIds = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected RingGroup() {}

  /** A new group of {@code accountId}; see {@link #change} for the rules of each value. */
  public static RingGroup create(
      long accountId,
      String name,
      RingStrategy strategy,
      int ringSeconds,
      List<Long> members,
      String continuity,
      Instant now) {
    RingGroup group = new RingGroup();
    group.accountId = accountId;
    group.createdAt = now;
    group.change(name, strategy, ringSeconds, members, continuity);
    return group;
  }

  /** Replaces every value at once; an invalid one changes nothing. */
  public void change(
      String name, RingStrategy strategy, int ringSeconds, List<Long> members, String continuity) {
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
      throw new IllegalArgumentException("ring group name");
    }
    Objects.requireNonNull(strategy, "strategy");
    if (ringSeconds < Did.RING_MIN || ringSeconds > Did.RING_MAX) {
      throw new IllegalArgumentException("ring time out of range");
    }
    if (members.size() < MEMBERS_MIN
        || members.size() > MEMBERS_MAX
        || new HashSet<>(members).size() != members.size()) {
      throw new IllegalArgumentException("ring group members");
    }
    if (continuity != null && (continuity.isBlank() || continuity.length() > Did.DESTINATION_MAX)) {
      throw new IllegalArgumentException("invalid continuity destination");
    }
    this.name = name.strip();
    this.strategy = strategy;
    this.ringSeconds = ringSeconds;
    if (!memberIds.equals(members)) {
      memberIds.clear();
      memberIds.addAll(members);
    }
    this.continuityDestination = continuity;
  }

  /**
   * Takes a deleted extension out of the group (the group may be left without members: it then
   * rings nothing and its calls go to its continuity); true when it was a member.
   */
  public boolean removeMember(long extensionId) {
    return memberIds.remove(Long.valueOf(extensionId));
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getName() {
    return name;
  }

  public RingStrategy getStrategy() {
    return strategy;
  }

  public int getRingSeconds() {
    return ringSeconds;
  }

  public String getContinuityDestination() {
    return continuityDestination;
  }

  /** The members' extension ids in ringing order. */
  public List<Long> getMemberIds() {
    return List.copyOf(memberIds);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof RingGroup other && id != null && id.equals(other.id));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
