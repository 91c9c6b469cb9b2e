package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditResult;
import io.dialtone.identity.entity.OneTimeToken;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.identity.entity.UserStatus;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot your password?" (SECURITY.md A6, A7, A9).
 *
 * <p>{@link #request} answers nothing and costs about the same for any address: it always makes a
 * token and runs the voiding UPDATE; only for an existing ACTIVE user in an active account does it
 * store the token (SHA-256 only, {@value #VALID_MINUTES} minutes, earlier unused links of the user
 * voided) and mail the link, after commit. {@link #complete} consumes the link with one atomic
 * conditional UPDATE, so it works once even under parallel submissions; the policy and history
 * rules are checked in the same transaction, and a refused password rolls the consumption back so
 * the link can be used again. A reset never signs anyone in and never touches TOTP, recovery codes
 * or a running lockout: the user then signs in with the new password and the second factor.
 */
@ApplicationScoped
public class PasswordResets {

  /** Lifetime of a reset link. */
  public static final long VALID_MINUTES = 60;

  /** Entropy of a reset token (at least SecureTokens.MIN_TOKEN_BITS). */
  static final int TOKEN_BITS = 256;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject UserDirectory users;
  @Inject Clock clock;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject PasswordHistory history;
  @Inject PasswordNotices notices;
  @Inject AuditTrail audit;
  @Inject AccountTree accounts;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  /** Mails a reset link if {@code email} belongs to an active user; looks the same either way. */
  @Transactional
  public void request(String email, String sourceIp) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String token = SecureTokens.newToken(TOKEN_BITS);
    String tokenHash = SecureTokens.sha256Hex(token);
    Optional<User> found = users.findByEmail(email);
    boolean eligible =
        found.isPresent()
            && found.get().getStatus() == UserStatus.ACTIVE
            && accounts.isActive(found.get().getAccountId());
    voidOpenLinks(eligible ? found.get().getId() : -1L, now);
    if (!eligible) {
      audit.record(
          AuditRecord.builder(AuditAction.PASSWORD_RESET_REQUESTED, AuditResult.FAILURE)
              .actor(found.map(u -> SignedInUser.actorOf(u.getId())).orElse(null))
              .sourceIp(sourceIp)
              .detail(found.isPresent() ? "user not active" : "unknown e-mail (no mail sent)")
              .build());
      return;
    }
    User user = found.get();
    em.persist(
        new OneTimeToken(
            TokenPurpose.PASSWORD_RESET,
            tokenHash,
            user.getId(),
            now,
            now.plus(Duration.ofMinutes(VALID_MINUTES))));
    audit.record(
        AuditRecord.builder(AuditAction.PASSWORD_RESET_REQUESTED, AuditResult.SUCCESS)
            .actor(SignedInUser.actorOf(user.getId()))
            .target(SignedInUser.actorOf(user.getId()))
            .sourceIp(sourceIp)
            .detail("reset link mailed")
            .build());
    notices.resetLink(
        user, publicUrl.replaceAll("/+$", "") + "/reset.xhtml?token=" + token, VALID_MINUTES);
  }

  /** Whether {@code token} is a reset link that may still be used; changes nothing. */
  @Transactional
  public boolean isUsable(String token) {
    return token != null
        && !em.createNativeQuery(
                """
                SELECT id FROM one_time_token WHERE token_hash = ?1 AND purpose = 'PASSWORD_RESET'
                AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?2""")
            .setParameter(1, SecureTokens.sha256Hex(token))
            .setParameter(2, Timestamp.from(clock.instant()))
            .getResultList()
            .isEmpty();
  }

  /**
   * Consumes the link and sets {@code newPassword}; or throws and changes nothing.
   *
   * @throws ResetLinkInvalid the link is unknown, used, voided or expired, or its user not active
   * @throws NewPasswordRefused the password breaks the policy or the history rule
   */
  @Transactional(rollbackOn = {ResetLinkInvalid.class, NewPasswordRefused.class})
  public void complete(String token, String newPassword, String sourceIp)
      throws ResetLinkInvalid, NewPasswordRefused {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String tokenHash = SecureTokens.sha256Hex(token == null ? "" : token);
    int consumed =
        em.createNativeQuery(
                """
                UPDATE one_time_token SET used_at = ?1 WHERE token_hash = ?2
                AND purpose = 'PASSWORD_RESET' AND used_at IS NULL AND voided_at IS NULL
                AND expires_at > ?1""")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, tokenHash)
            .executeUpdate();
    User user = consumed == 1 ? userOf(tokenHash) : null;
    if (user == null
        || user.getStatus() != UserStatus.ACTIVE
        || !accounts.isActive(user.getAccountId())) {
      refused(user, sourceIp, "link not usable");
      throw new ResetLinkInvalid();
    }
    var violations = policy.check(newPassword, user.getEmail());
    boolean reused =
        violations.isEmpty()
            && history.isReused(user.getId(), user.getPasswordHash(), newPassword.toCharArray());
    if (!violations.isEmpty() || reused) {
      refused(user, sourceIp, reused ? "reuses one of the last passwords" : "breaks the policy");
      throw new NewPasswordRefused(violations, reused);
    }
    history.remember(user.getId(), user.getPasswordHash());
    user.replacePasswordHash(hasher.hash(newPassword.toCharArray()));
    user.endSessions();
    audit.record(
        AuditRecord.builder(AuditAction.PASSWORD_RESET_COMPLETED, AuditResult.SUCCESS)
            .actor(SignedInUser.actorOf(user.getId()))
            .target(SignedInUser.actorOf(user.getId()))
            .sourceIp(sourceIp)
            .build());
    notices.resetDone(user, sourceIp);
  }

  private void refused(User user, String sourceIp, String why) {
    audit.record(
        AuditRecord.builder(AuditAction.PASSWORD_RESET_COMPLETED, AuditResult.DENIED)
            .actor(user == null ? null : SignedInUser.actorOf(user.getId()))
            .sourceIp(sourceIp)
            .detail(why)
            .build());
  }

  private void voidOpenLinks(long userId, Instant now) {
    em.createNativeQuery(
            """
            UPDATE one_time_token SET voided_at = ?1 WHERE user_id = ?2
            AND purpose = 'PASSWORD_RESET' AND used_at IS NULL AND voided_at IS NULL""")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, userId)
        .executeUpdate();
  }

  private User userOf(String tokenHash) {
    Object userId =
        em.createNativeQuery("SELECT user_id FROM one_time_token WHERE token_hash = ?1")
            .setParameter(1, tokenHash)
            .getSingleResult();
    return userId == null ? null : em.find(User.class, ((Number) userId).longValue());
  }
}
