package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.control.DataCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The two sign-in steps. The password step answers the same for an unknown user, a wrong password,
 * an invited user who has not enrolled, a disabled user and a locked account, and each costs one
 * password derivation (a dummy one when there is no stored hash), so timing tells none apart. The
 * second step accepts a TOTP code of the current or previous 30-second step, each step once (an
 * atomic conditional UPDATE decides between parallel submissions), or an unused recovery code.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SignIn {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject UserDirectory users;
  @Inject Clock clock;
  @Inject PasswordHasher hasher;
  @Inject TotpCodes totp;
  @Inject DataCipher cipher;
  @Inject MeterRegistry registry;
  @Inject LoginAttempts attempts;
  @Inject AuditTrail audit;
  @Inject AccountTree accounts;

  /** Step 1. Returns the user id when the password is right and the user may sign in. */
  @Transactional
  public OptionalLong checkPassword(String email, char[] password, String sourceIp) {
    Optional<User> found = users.findByEmail(email);
    if (found.isEmpty()) {
      hasher.burnDummyVerification(password);
      fail(null, unknownUserDetail(email), sourceIp);
      return OptionalLong.empty();
    }
    User user = found.get();
    // Hashed before any other check, also for an invited user without a password yet (the hasher
    // then burns a dummy derivation): every failure below costs what a wrong password costs.
    boolean passwordOk = hasher.verify(password, user.getPasswordHash());
    if (!mayUse(user)) {
      fail(user, user.isLockedAt(clock.instant()) ? "account locked" : "user not active", sourceIp);
      return OptionalLong.empty();
    }
    if (!passwordOk) {
      fail(user, "wrong password", sourceIp);
      attempts.recordFailure(user.getId(), sourceIp);
      return OptionalLong.empty();
    }
    if (hasher.needsRehash(user.getPasswordHash())) {
      user.replacePasswordHash(hasher.hash(password));
    }
    audit.record(
        AuditRecord.builder(AuditAction.SIGN_IN_PASSWORD, AuditResult.SUCCESS)
            .actor(SignedInUser.actorOf(user.getId()))
            .account(user.getAccountId())
            .sourceIp(sourceIp)
            .build());
    return OptionalLong.of(user.getId());
  }

  /** Step 2 with a TOTP code. */
  @Transactional
  public SecondFactorResult verifyTotp(long userId, String code, String sourceIp) {
    User user = em.find(User.class, userId);
    if (user == null || !mayUse(user)) {
      return SecondFactorResult.failed();
    }
    String secret = cipher.decrypt(user.getTotpSecretCiphertext());
    OptionalLong step = totp.acceptedStep(secret, code, clock.instant());
    if (step.isEmpty()) {
      fail(user, "wrong TOTP code", sourceIp);
      attempts.recordFailure(userId, sourceIp);
      return SecondFactorResult.failed();
    }
    int claimed =
        em.createNativeQuery(
                """
                    UPDATE app_user SET totp_last_step = ?1 WHERE id = ?2
                    AND (totp_last_step IS NULL OR totp_last_step < ?1)""")
            .setParameter(1, step.getAsLong())
            .setParameter(2, userId)
            .executeUpdate();
    if (claimed == 0) {
      audit.record(
          AuditRecord.builder(AuditAction.TOTP_REPLAY, AuditResult.DENIED)
              .actor(SignedInUser.actorOf(userId))
              .sourceIp(sourceIp)
              .detail("time step " + step.getAsLong() + " already used")
              .build());
      attempts.recordFailure(userId, sourceIp);
      return new SecondFactorResult(SignInOutcome.CODE_ALREADY_USED, Optional.empty());
    }
    return succeed(user, AuditAction.SIGN_IN_MFA, sourceIp);
  }

  /** Step 2 with a single-use recovery code instead of TOTP. */
  @Transactional
  public SecondFactorResult useRecoveryCode(long userId, String code, String sourceIp) {
    User user = em.find(User.class, userId);
    if (user == null || !mayUse(user)) {
      return SecondFactorResult.failed();
    }
    int used =
        em.createNativeQuery(
                """
                    UPDATE recovery_code SET used_at = UTC_TIMESTAMP(6)
                    WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL""")
            .setParameter(1, userId)
            .setParameter(2, RecoveryCodes.hash(code == null ? "" : code))
            .executeUpdate();
    if (used == 0) {
      fail(user, "wrong recovery code", sourceIp);
      attempts.recordFailure(userId, sourceIp);
      return SecondFactorResult.failed();
    }
    return succeed(user, AuditAction.SIGN_IN_RECOVERY_CODE, sourceIp);
  }

  private SecondFactorResult succeed(User user, AuditAction action, String sourceIp) {
    signIns("success").increment();
    Instant now = clock.instant();
    attempts.reset(user.getId());
    em.createNativeQuery("UPDATE app_user SET last_sign_in_at = ?1 WHERE id = ?2")
        .setParameter(1, java.sql.Timestamp.from(now))
        .setParameter(2, user.getId())
        .executeUpdate();
    audit.record(
        AuditRecord.builder(action, AuditResult.SUCCESS)
            .actor(SignedInUser.actorOf(user.getId()))
            .account(user.getAccountId())
            .sourceIp(sourceIp)
            .build());
    return new SecondFactorResult(SignInOutcome.SIGNED_IN, Optional.of(user.signedInAt(now)));
  }

  private boolean mayUse(User user) {
    if (user.getStatus() != UserStatus.ACTIVE || user.isLockedAt(clock.instant())) {
      return false;
    }
    return accounts.isActiveWithAncestors(user.getAccountId());
  }

  private void fail(User user, String why, String sourceIp) {
    signIns("failure").increment();
    audit.record(
        AuditRecord.builder(AuditAction.SIGN_IN_FAILED, AuditResult.FAILURE)
            .actor(user == null ? null : SignedInUser.actorOf(user.getId()))
            .account(user == null ? null : user.getAccountId())
            .sourceIp(sourceIp)
            .detail(why)
            .build());
  }

  /** Names the e-mail tried, unless it does not look like one (it might be a mistyped password). */
  private static String unknownUserDetail(String email) {
    String normalized = User.normalizeEmail(email);
    return normalized != null && normalized.contains("@") && normalized.length() <= User.EMAIL_MAX
        ? "unknown e-mail " + normalized
        : "unknown e-mail (not shown)";
  }

  private Counter signIns(String result) {
    return Counter.builder("dialtone.sign.ins")
        .description("Sign-in steps (password, second factor) by result")
        .tag("result", result)
        .register(registry);
  }
}
