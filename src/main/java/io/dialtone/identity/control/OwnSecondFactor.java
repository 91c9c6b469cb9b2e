package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.RecoveryCode;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * A signed-in user manages their own second factor (SECURITY.md B4, B5, C6, A9), each use case
 * behind a recent step-up:
 *
 * <ul>
 *   <li>{@link #newAuthenticator} draws a new TOTP secret and its QR code; nothing is stored.
 *   <li>{@link #confirmAuthenticator} checks a code of the new app against it, then replaces the
 *       secret (AES-GCM), voids the recovery codes and issues new ones, ends the user's other
 *       sessions, audits and mails a notice.
 *   <li>{@link #regenerateRecoveryCodes} voids the old codes and issues {@value
 *       RecoveryCodes#COUNT} new ones, audited, with a notice.
 * </ul>
 *
 * Codes are returned once for display and stored only as hashes.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class OwnSecondFactor {

  private static final String ISSUER = "Dialtone";
  private static final int QR_SIZE = 240;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject StepUp stepUp;
  @Inject TotpCodes totp;
  @Inject DataCipher cipher;
  @Inject Clock clock;
  @Inject CredentialNotices notices;
  @Inject AuditTrail audit;

  /** A fresh secret and its QR code for the caller's authenticator app; stores nothing. */
  public NewAuthenticator newAuthenticator() throws StepUpRequired {
    SignedInUser caller = access.require(Permission.MANAGE_OWN_CREDENTIALS);
    stepUp.requireRecent();
    String secret = TotpCodes.newSecret();
    return new NewAuthenticator(
        secret, QrCodes.pngDataUri(totp.otpauthUri(ISSUER, caller.email(), secret), QR_SIZE));
  }

  /**
   * Makes {@code secret} the caller's authenticator once {@code code} proves the app has it.
   *
   * @throws WrongTotpCode the code does not match {@code secret} (not counted: it proves nothing
   *     about the person, only about the new app)
   */
  @Transactional
  public ReEnrolment confirmAuthenticator(String secret, String code, String sourceIp)
      throws StepUpRequired, WrongTotpCode {
    SignedInUser caller = access.require(Permission.MANAGE_OWN_CREDENTIALS);
    stepUp.requireRecent();
    OptionalLong step =
        secret == null ? OptionalLong.empty() : totp.acceptedStep(secret, code, clock.instant());
    if (step.isEmpty()) {
      record(
          caller,
          AuditAction.MFA_CHANGED,
          AuditResult.FAILURE,
          "code of the new app wrong",
          sourceIp);
      throw new WrongTotpCode();
    }
    User user = em.find(User.class, caller.userId());
    user.replaceTotpSecret(cipher.encrypt(secret), step.getAsLong());
    List<String> codes = replaceRecoveryCodes(user.getId());
    user.endSessions();
    record(
        caller,
        AuditAction.MFA_CHANGED,
        AuditResult.SUCCESS,
        "new authenticator; recovery codes replaced; other sessions ended",
        sourceIp);
    notices.mfaChanged(user, sourceIp);
    return new ReEnrolment(caller.withSessionEpoch(user.getSessionEpoch()), codes);
  }

  /** Voids every recovery code of the caller and returns {@value RecoveryCodes#COUNT} new ones. */
  @Transactional
  public List<String> regenerateRecoveryCodes(String sourceIp) throws StepUpRequired {
    SignedInUser caller = access.require(Permission.MANAGE_OWN_CREDENTIALS);
    stepUp.requireRecent();
    User user = em.find(User.class, caller.userId());
    List<String> codes = replaceRecoveryCodes(user.getId());
    record(
        caller,
        AuditAction.RECOVERY_CODES_REGENERATED,
        AuditResult.SUCCESS,
        codes.size() + " new codes; old ones void",
        sourceIp);
    notices.recoveryCodesRegenerated(user, sourceIp);
    return codes;
  }

  private List<String> replaceRecoveryCodes(long userId) {
    em.createNativeQuery("DELETE FROM recovery_code WHERE user_id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
    List<String> codes = RecoveryCodes.generate();
    codes.forEach(code -> em.persist(new RecoveryCode(userId, RecoveryCodes.hash(code))));
    return codes;
  }

  private void record(
      SignedInUser caller, AuditAction action, AuditResult result, String detail, String ip) {
    audit.record(
        AuditRecord.builder(action, result)
            .actor(caller.actor())
            .target(caller.actor())
            .account(caller.accountId())
            .sourceIp(ip)
            .detail(detail)
            .build());
  }
}
