package io.dialtone.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-time link: only the SHA-256 of the token is stored. It is usable once, before it expires,
 * unless voided (a restart voids an unused setup link and prints a new one).
 */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TokenPurpose purpose;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "user_id")
  private Long userId;

  @Column(length = 254)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "voided_at")
  private Instant voidedAt;

  protected OneTimeToken() {}

  public OneTimeToken(
      TokenPurpose purpose, String tokenHash, Long userId, Instant now, Instant expiresAt) {
    this.purpose = Objects.requireNonNull(purpose);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** A token carrying a small, secret-free payload (the new address of an e-mail change). */
  public static OneTimeToken withPayload(
      TokenPurpose purpose,
      String tokenHash,
      long userId,
      String payload,
      Instant now,
      Instant expiresAt) {
    OneTimeToken token = new OneTimeToken(purpose, tokenHash, userId, now, expiresAt);
    token.payload = payload;
    return token;
  }

  public Long getUserId() {
    return userId;
  }

  public String getPayload() {
    return payload;
  }

  public Long getId() {
    return id;
  }

  public TokenPurpose getPurpose() {
    return purpose;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
