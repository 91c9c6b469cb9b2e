package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A signed-in user changes their password (SECURITY.md A1–A3, A9): the current password first (a
 * wrong one counts towards the lockout, A5), then the policy and the history of the last 4; the old
 * hash goes to the history, the change is audited and the user gets a notice by e-mail. The user's
 * other sessions end (C5); the caller's own continues with the new session epoch.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class PasswordChanges {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject PasswordHistory history;
  @Inject LoginAttempts attempts;
  @Inject PasswordNotices notices;
  @Inject AuditTrail audit;
  @Inject AccessControl access;

  // the failure counted for a wrong current password must stay (SECURITY.md A5)
  @Transactional(dontRollbackOn = WrongCurrentPassword.class)
  public SignedInUser change(char[] current, String newPassword, String sourceIp)
      throws WrongCurrentPassword, NewPasswordRefused {
    SignedInUser caller = access.require(Permission.MANAGE_OWN_CREDENTIALS);
    long userId = caller.userId();
    User user = em.find(User.class, userId);
    if (user == null
        || user.getPasswordHash() == null
        || !hasher.verify(current, user.getPasswordHash())) {
      attempts.recordFailure(userId, sourceIp);
      record(userId, AuditResult.FAILURE, sourceIp, "wrong current password");
      throw new WrongCurrentPassword();
    }
    var violations = policy.check(newPassword, user.getEmail());
    boolean reused =
        violations.isEmpty()
            && history.isReused(userId, user.getPasswordHash(), newPassword.toCharArray());
    if (!violations.isEmpty() || reused) {
      record(
          userId,
          AuditResult.DENIED,
          sourceIp,
          reused ? "reuses one of the last passwords" : "breaks the password policy");
      throw new NewPasswordRefused(violations, reused);
    }
    history.remember(userId, user.getPasswordHash());
    user.replacePasswordHash(hasher.hash(newPassword.toCharArray()));
    user.endSessions();
    record(userId, AuditResult.SUCCESS, sourceIp, "other sessions ended");
    notices.changed(user, sourceIp);
    return caller.withSessionEpoch(user.getSessionEpoch());
  }

  private void record(long userId, AuditResult result, String sourceIp, String detail) {
    audit.record(
        AuditRecord.builder(AuditAction.PASSWORD_CHANGED, result)
            .actor(SignedInUser.actorOf(userId))
            .target(SignedInUser.actorOf(userId))
            .sourceIp(sourceIp)
            .detail(detail)
            .build());
  }
}
