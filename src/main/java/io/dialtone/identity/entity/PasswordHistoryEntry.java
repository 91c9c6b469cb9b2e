package io.dialtone.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A password a user had before (its hash only), for the history rule (SECURITY.md A3). With the
 * current password, the newest entries make up the passwords a new one must differ from.
 */
@Entity
@Table(name = "password_history")
@NamedQuery(
    name = PasswordHistoryEntry.LIST_BY_USER,
    query =
        """
        SELECT p FROM PasswordHistoryEntry p WHERE p.userId = :userId
        ORDER BY p.createdAt DESC, p.id DESC""")
public class PasswordHistoryEntry {

  public static final String LIST_BY_USER = "PasswordHistoryEntry.listByUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PasswordHistoryEntry() {}

  public PasswordHistoryEntry(long userId, String passwordHash, Instant createdAt) {
    this.userId = userId;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public String getPasswordHash() {
    return passwordHash;
  }
}
