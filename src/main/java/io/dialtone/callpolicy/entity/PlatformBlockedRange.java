package io.dialtone.callpolicy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A platform-wide blocked range: every number starting with its prefix is blocked for everyone. */
@Entity
@Table(name = "platform_blocked_range")
@NamedQuery(
    name = PlatformBlockedRange.LIST_ALL,
    query = "SELECT r FROM PlatformBlockedRange r ORDER BY r.prefix")
public class PlatformBlockedRange {

  /** Every range, by prefix. */
  public static final String LIST_ALL = "PlatformBlockedRange.listAll";

  public static final int PREFIX_MAX = 16;
  public static final int NOTE_MAX = 200;

  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = PREFIX_MAX, updatable = false)
  private String prefix;

  @Size(max = NOTE_MAX)
  @Column(length = NOTE_MAX)
  private String note;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected PlatformBlockedRange() {}

  /** A new range for {@code prefix} ({@code +} and 1 to 15 digits). */
  public static PlatformBlockedRange of(String prefix, String note, Instant now) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not a prefix");
    }
    if (note != null && note.length() > NOTE_MAX) {
      throw new IllegalArgumentException("note too long");
    }
    PlatformBlockedRange range = new PlatformBlockedRange();
    range.prefix = prefix;
    range.note = note;
    range.createdAt = Objects.requireNonNull(now);
    return range;
  }

  public Long getId() {
    return id;
  }

  public String getPrefix() {
    return prefix;
  }

  public String getNote() {
    return note;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlatformBlockedRange other && Objects.equals(prefix, other.prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(prefix);
  }
}
