package io.dialtone.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A single-use second factor, stored as the SHA-256 of the code only. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(long userId, String codeHash) {
    this.userId = userId;
    this.codeHash = Objects.requireNonNull(codeHash);
  }

  public Long getId() {
    return id;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
