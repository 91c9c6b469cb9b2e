package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
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
@Transactional(dontRollbackOn = RuntimeException.class)
public class PasswordResets {

  /** Lifetime of a reset link. */
  public static final long VALID_MINUTES = 60;

  private static final Set<TokenPurpose> RESET = Set.of(TokenPurpose.PASSWORD_RESET);

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
  @Inject OneTimeLinks links;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  /** Mails a reset link if {@code email} belongs to an active user; looks the same either way. */
  @Transactional
  public void request(String email, String sourceIp) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Optional<User> found = users.findByEmail(email);
    boolean eligible =
        found.isPresent()
            && found.get().getStatus() == UserStatus.ACTIVE
            && accounts.isActive(found.get().getAccountId());
    links.voidOpen(RESET, eligible ? found.get().getId() : -1L, now);
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
    String token =
        links.issue(
            TokenPurpose.PASSWORD_RESET,
            user.getId(),
            null,
            now,
            Duration.ofMinutes(VALID_MINUTES));
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
    return links.findOpen(RESET, token, clock.instant()).isPresent();
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
    User user =
        links
            .consume(RESET, token, now)
            .map(link -> em.find(User.class, link.getUserId()))
            .orElse(null);
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
}
