package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.control.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Step-up authentication (SECURITY.md C6): the signed-in user proves again who they are, with their
 * password or a fresh TOTP code, before a sensitive action.
 *
 * <h2>API for other controls</h2>
 *
 * <pre>{@code
 * @Inject StepUp stepUp;
 *
 * @Transactional
 * public void resetMfaOf(long userId) throws StepUpRequired {
 *   access.requireInScope(Permission.RESET_USER_MFA, accountOfUser);   // authorization first
 *   stepUp.requireRecent();                                             // then the step-up
 *   ... change things ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #requireRecent()} throws the checked {@link StepUpRequired} unless the caller
 *       stepped up in this session less than {@value StepUpMark#VALID_MINUTES} minutes ago; call it
 *       before changing anything. Boundaries catch it, show the step-up prompt ({@code <dt:stepUp
 *       bean="#{pageBean}" retry="methodName"/>}, see {@code WEB-INF/tags/stepUp.xhtml}) and the
 *       prompt calls the page's retry method after a successful step-up.
 *   <li>{@link #isRecent()} answers the same without throwing (to show or hide a hint).
 *   <li>{@link #withPassword} and {@link #withTotpCode} are the step-up itself; the prompt calls
 *       them. Each attempt is audited ({@code STEP_UP}, success or failure, never the secret).
 *       Failures count towards the sign-in lockout (A5) like sign-in failures; a locked user cannot
 *       step up. A TOTP code is single use through the same atomic update as sign-in (B3).
 * </ul>
 *
 * <p>A successful step-up is a {@link StepUpMark} in the HTTP session: valid {@value
 * StepUpMark#VALID_MINUTES} minutes, for this sign-in only (gone after sign-out, not valid for a
 * new sign-in). It is not consumed by an action: several actions may follow one step-up within the
 * window. Impersonating agents never reach the credential actions (their permission is withheld),
 * and a step-up made as the agent does not carry over, as the sign-in it is bound to differs.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class StepUp {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject HttpServletRequest request;
  @Inject Clock clock;
  @Inject PasswordHasher hasher;
  @Inject TotpCodes totp;
  @Inject DataCipher cipher;
  @Inject LoginAttempts attempts;
  @Inject AuditTrail audit;

  /** Whether the caller stepped up in this sign-in less than 5 minutes ago. */
  public boolean isRecent() {
    Optional<SignedInUser> caller = SignedInUser.in(request.getSession(false));
    return caller.isPresent() && mark().filter(m -> m.isRecentFor(caller.get(), now())).isPresent();
  }

  /** Refuses unless {@link #isRecent()}; nothing is audited (the prompt follows). */
  public void requireRecent() throws StepUpRequired {
    if (!isRecent()) {
      throw new StepUpRequired();
    }
  }

  /** Steps up with the user's password. */
  @Transactional
  public StepUpResult withPassword(char[] password, String sourceIp) {
    SignedInUser caller = access.caller();
    User user = em.find(User.class, caller.userId());
    if (!usable(user)) {
      return refused(caller, StepUpResult.LOCKED, "account locked or not active", sourceIp);
    }
    boolean right =
        user.getPasswordHash() != null
            && password != null
            && hasher.verify(password, user.getPasswordHash());
    if (!right) {
      return failed(user, caller, StepUpResult.WRONG, "wrong password", sourceIp);
    }
    return confirmed(caller, "password", sourceIp);
  }

  /** Steps up with a TOTP code of the user's authenticator; each time step works once. */
  @Transactional
  public StepUpResult withTotpCode(String code, String sourceIp) {
    SignedInUser caller = access.caller();
    User user = em.find(User.class, caller.userId());
    if (!usable(user)) {
      return refused(caller, StepUpResult.LOCKED, "account locked or not active", sourceIp);
    }
    OptionalLong step =
        totp.acceptedStep(cipher.decrypt(user.getTotpSecretCiphertext()), code, now());
    if (step.isEmpty()) {
      return failed(user, caller, StepUpResult.WRONG, "wrong TOTP code", sourceIp);
    }
    int claimed =
        em.createNativeQuery(
                """
                UPDATE app_user SET totp_last_step = ?1 WHERE id = ?2
                AND (totp_last_step IS NULL OR totp_last_step < ?1)""")
            .setParameter(1, step.getAsLong())
            .setParameter(2, caller.userId())
            .executeUpdate();
    if (claimed == 0) {
      return failed(
          user,
          caller,
          StepUpResult.CODE_ALREADY_USED,
          "time step " + step.getAsLong() + " already used",
          sourceIp);
    }
    return confirmed(caller, "TOTP code", sourceIp);
  }

  /** Ends the step-up of this session early (e.g. after the action it was for). */
  public void forget() {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(StepUpMark.SESSION_ATTRIBUTE);
    }
  }

  private boolean usable(User user) {
    return user != null && user.getStatus() == UserStatus.ACTIVE && !user.isLockedAt(now());
  }

  private StepUpResult confirmed(SignedInUser caller, String how, String sourceIp) {
    request
        .getSession(true)
        .setAttribute(StepUpMark.SESSION_ATTRIBUTE, StepUpMark.of(caller, now()));
    record(caller, AuditResult.SUCCESS, how + " accepted", sourceIp);
    return StepUpResult.CONFIRMED;
  }

  /**
   * Counts a failure (A5). The failure that locks the user also ends all their sessions, this one
   * included: whoever guesses in a signed-in session loses it.
   */
  private StepUpResult failed(
      User user, SignedInUser caller, StepUpResult result, String why, String sourceIp) {
    if (attempts.recordFailure(caller.userId(), sourceIp)) {
      user.endSessions();
      forget();
      return refused(caller, result, why + "; locked, sessions ended", sourceIp);
    }
    return refused(caller, result, why, sourceIp);
  }

  private StepUpResult refused(
      SignedInUser caller, StepUpResult result, String why, String sourceIp) {
    record(caller, AuditResult.FAILURE, why, sourceIp);
    return result;
  }

  private void record(SignedInUser caller, AuditResult result, String detail, String sourceIp) {
    audit.record(
        AuditRecord.builder(AuditAction.STEP_UP, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target(caller.actor())
            .account(caller.accountId())
            .sourceIp(sourceIp)
            .detail(detail)
            .build());
  }

  private Optional<StepUpMark> mark() {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(StepUpMark.SESSION_ATTRIBUTE))
            .filter(StepUpMark.class::isInstance)
            .map(StepUpMark.class::cast);
  }

  private Instant now() {
    return clock.instant();
  }
}
