package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.RecoveryCode;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Following an enrolment link, signed out: an invitee sets a password and enrols TOTP; a user whose
 * second factor was reset proves their password and enrols a new authenticator. The link is looked
 * up by its SHA-256 only; it works for a PENDING user of an active account, before it expires,
 * once: {@link #complete} consumes it with one conditional UPDATE and stores everything in the same
 * transaction, or changes nothing.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Enrolments {

  /** The links this flow follows. */
  static final Set<TokenPurpose> PURPOSES = Set.of(TokenPurpose.INVITATION, TokenPurpose.MFA_RESET);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject LoginAttempts attempts;
  @Inject AccountTree accounts;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject OneTimeLinks links;

  /** What an open link is for and for whom; no secret. */
  public record OpenEnrolment(
      TokenPurpose purpose, long userId, String email, String displayName) {}

  /** The enrolment {@code token} opens, if it is usable; audits a rejected one. */
  @Transactional
  public Optional<OpenEnrolment> open(String token, String sourceIp) {
    Optional<OpenEnrolment> found = find(token);
    if (found.isEmpty()) {
      audit.record(
          AuditRecord.builder(AuditAction.ENROLMENT_LINK_REJECTED, AuditResult.DENIED)
              .sourceIp(sourceIp)
              .build());
    }
    return found;
  }

  /**
   * For an MFA-reset link: whether {@code password} is the user's. A wrong one counts towards the
   * lockout like a sign-in failure, and a locked user is refused whatever they type.
   */
  @Transactional
  public boolean checkPassword(String token, char[] password, String sourceIp) {
    Optional<OpenEnrolment> open = find(token).filter(e -> e.purpose() == TokenPurpose.MFA_RESET);
    if (open.isEmpty()) {
      return false;
    }
    User user = em.find(User.class, open.get().userId());
    // Hashed first, so a locked user's refusal takes as long as a wrong password's.
    boolean matches = hasher.verify(password, user.getPasswordHash());
    boolean right = matches && !user.isLockedAt(clock.instant());
    if (!right) {
      attempts.recordFailure(user.getId(), sourceIp);
      audit.record(
          AuditRecord.builder(AuditAction.MFA_REENROLLED, AuditResult.FAILURE)
              .actor(SignedInUser.actorOf(user.getId()))
              .account(user.getAccountId())
              .sourceIp(sourceIp)
              .detail("wrong password")
              .build());
    }
    return right;
  }

  /**
   * Consumes the link and stores the credentials: for an invitation the password too, for an MFA
   * reset only the new authenticator. Throws {@link SetupLinkInvalid} and changes nothing when the
   * link is no longer usable.
   */
  @Transactional(rollbackOn = SetupLinkInvalid.class)
  public TokenPurpose complete(
      String token, SetupLinks.EnrolledCredentials credentials, String sourceIp)
      throws SetupLinkInvalid {
    Optional<OpenEnrolment> open = find(token);
    if (open.isEmpty() || links.consume(PURPOSES, token, now()).isEmpty()) {
      throw new SetupLinkInvalid("enrol.invalid");
    }
    User user = em.find(User.class, open.get().userId());
    TokenPurpose purpose = open.get().purpose();
    if (purpose == TokenPurpose.INVITATION) {
      user.completeEnrolment(
          credentials.displayName() == null ? user.getDisplayName() : credentials.displayName(),
          credentials.passwordHash(),
          credentials.totpSecretCiphertext(),
          credentials.acceptedStep());
    } else {
      user.replaceSecondFactor(credentials.totpSecretCiphertext(), credentials.acceptedStep());
    }
    em.createNativeQuery("DELETE FROM recovery_code WHERE user_id = ?1")
        .setParameter(1, user.getId())
        .executeUpdate();
    for (String hash : credentials.recoveryCodeHashes()) {
      em.persist(new RecoveryCode(user.getId(), hash));
    }
    attempts.reset(user.getId());
    audit.record(
        AuditRecord.builder(
                purpose == TokenPurpose.INVITATION
                    ? AuditAction.INVITATION_ACCEPTED
                    : AuditAction.MFA_REENROLLED,
                AuditResult.SUCCESS)
            .actor(SignedInUser.actorOf(user.getId()))
            .target(SignedInUser.actorOf(user.getId()))
            .account(user.getAccountId())
            .sourceIp(sourceIp)
            .build());
    return purpose;
  }

  private Optional<OpenEnrolment> find(String token) {
    return links
        .findOpen(PURPOSES, token, now())
        .flatMap(
            link -> {
              User user = em.find(User.class, link.getUserId());
              boolean fits =
                  user != null
                      && user.getStatus() == UserStatus.PENDING
                      && (link.getPurpose() == TokenPurpose.MFA_RESET) == user.hasPassword()
                      && accounts.isActiveWithAncestors(user.getAccountId());
              return fits
                  ? Optional.of(
                      new OpenEnrolment(
                          link.getPurpose(), user.getId(), user.getEmail(), user.getDisplayName()))
                  : Optional.empty();
            });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
