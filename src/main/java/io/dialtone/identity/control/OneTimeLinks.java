package io.dialtone.identity.control;

import io.dialtone.identity.entity.OneTimeToken;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * The one-time links of every flow (first-run setup, invitation, MFA re-enrolment, password reset,
 * e-mail change): a {@value #TOKEN_BITS}-bit token mailed or printed, only its SHA-256 stored,
 * usable once before it expires unless voided. Consuming is one conditional UPDATE, so a link works
 * once even under parallel submissions. Runs in the caller's transaction and checks nothing about
 * the caller: the flows decide who may issue what.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class OneTimeLinks {

  /** Entropy of a token (at least {@code SecureTokens.MIN_TOKEN_BITS}). */
  static final int TOKEN_BITS = 256;

  /** Longer input is not a token of ours: refused before hashing. */
  static final int MAX_TOKEN_LENGTH = 128;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Stores a new link for {@code userId} (null: nobody yet) and returns its plain token. */
  public String issue(
      TokenPurpose purpose, Long userId, String payload, Instant now, Duration validity) {
    String token = SecureTokens.newToken(TOKEN_BITS);
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    OneTimeToken link =
        payload == null
            ? new OneTimeToken(
                purpose, SecureTokens.sha256Hex(token), userId, at, at.plus(validity))
            : OneTimeToken.withPayload(
                purpose, SecureTokens.sha256Hex(token), userId, payload, at, at.plus(validity));
    em.persist(link);
    return token;
  }

  /** The open (unused, not voided, unexpired) link {@code token} of one of {@code purposes}. */
  public Optional<OneTimeToken> findOpen(
      Collection<TokenPurpose> purposes, String token, Instant now) {
    if (!plausible(token)) {
      return Optional.empty();
    }
    return em.createQuery(
            """
            SELECT t FROM OneTimeToken t WHERE t.tokenHash = :hash AND t.purpose IN :purposes
            AND t.usedAt IS NULL AND t.voidedAt IS NULL AND t.expiresAt > :now""",
            OneTimeToken.class)
        .setParameter("hash", SecureTokens.sha256Hex(token))
        .setParameter("purposes", purposes)
        .setParameter("now", now)
        .getResultStream()
        .findFirst();
  }

  /**
   * Marks the open link {@code token} used and returns it; empty when it was not open (unknown,
   * used, voided, expired, or consumed by a parallel request first).
   */
  public Optional<OneTimeToken> consume(
      Collection<TokenPurpose> purposes, String token, Instant now) {
    if (!plausible(token)) {
      return Optional.empty();
    }
    String hash = SecureTokens.sha256Hex(token);
    int consumed =
        em.createQuery(
                """
                UPDATE OneTimeToken t SET t.usedAt = :now WHERE t.tokenHash = :hash
                AND t.purpose IN :purposes AND t.usedAt IS NULL AND t.voidedAt IS NULL
                AND t.expiresAt > :now""")
            .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
            .setParameter("hash", hash)
            .setParameter("purposes", purposes)
            .executeUpdate();
    if (consumed != 1) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT t FROM OneTimeToken t WHERE t.tokenHash = :hash", OneTimeToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  /** Voids the open links of {@code purposes} of {@code userId}. */
  public void voidOpen(Collection<TokenPurpose> purposes, long userId, Instant now) {
    em.createQuery(
            """
            UPDATE OneTimeToken t SET t.voidedAt = :now WHERE t.userId = :user
            AND t.purpose IN :purposes AND t.usedAt IS NULL AND t.voidedAt IS NULL""")
        .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
        .setParameter("user", userId)
        .setParameter("purposes", purposes)
        .executeUpdate();
  }

  /** Voids every open link of {@code purpose}, whoever it is for (a new setup link). */
  public void voidAllOpen(TokenPurpose purpose, Instant now) {
    em.createQuery(
            """
            UPDATE OneTimeToken t SET t.voidedAt = :now WHERE t.purpose = :purpose
            AND t.usedAt IS NULL AND t.voidedAt IS NULL""")
        .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
        .setParameter("purpose", purpose)
        .executeUpdate();
  }

  private static boolean plausible(String token) {
    return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
  }
}
