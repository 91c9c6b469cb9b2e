package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.OneTimeToken;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A signed-in user changes their e-mail address (SECURITY.md A9, C5, C6).
 *
 * <p>{@link #request} needs a recent step-up. It answers the same whether or not the new address
 * belongs to another user, so the page cannot be used to find out who has an account: a free
 * address gets a confirmation link ({@value OneTimeLinks#TOKEN_BITS}-bit token, SHA-256 stored,
 * {@value #VALID_HOURS} h, the address as payload, older open links of the user voided); a taken
 * one gets a mail saying it already has an account, and no link. Either way the current address
 * gets a notice that a change was asked. Only the owner of the new mailbox learns that it is taken,
 * and they could learn it anyway with "forgot password".
 *
 * <p>{@link #confirm} consumes the link with one atomic conditional UPDATE (once, even in
 * parallel), switches the address if it is still free, ends every other session of the user (the
 * caller's continues when it is that user's) and notifies the old address. Both steps are audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class EmailChanges {

  /** Lifetime of a confirmation link. */
  public static final long VALID_HOURS = 24;

  private static final Set<TokenPurpose> EMAIL_CHANGE = Set.of(TokenPurpose.EMAIL_CHANGE);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject StepUp stepUp;
  @Inject UserDirectory users;
  @Inject Clock clock;
  @Inject OneTimeLinks links;
  @Inject CredentialNotices notices;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  /**
   * Asks to move the caller's account to {@code newEmail}; see the class comment. The address is
   * checked before the step-up, so a typo is reported without asking for the password first.
   */
  @Transactional
  public void request(String newEmail, String sourceIp) throws StepUpRequired, EmailChangeRefused {
    SignedInUser caller = access.require(Permission.MANAGE_OWN_CREDENTIALS);
    if (!EmailAddresses.isValid(newEmail)) {
      throw new EmailChangeRefused(EmailChangeRefused.Reason.INVALID);
    }
    String address = User.normalizeEmail(newEmail);
    User user = em.find(User.class, caller.userId());
    if (address.equals(user.getEmail())) {
      throw new EmailChangeRefused(EmailChangeRefused.Reason.UNCHANGED);
    }
    stepUp.requireRecent(); // after the input checks, which reveal nothing about anybody else
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    links.voidOpen(EMAIL_CHANGE, user.getId(), now);
    boolean taken = users.findByEmail(address).isPresent();
    if (taken) {
      notices.emailChangeAddressTaken(user, address, sourceIp);
    } else {
      String token =
          links.issue(
              TokenPurpose.EMAIL_CHANGE, user.getId(), address, now, Duration.ofHours(VALID_HOURS));
      notices.emailChangeLink(
          user,
          address,
          publicUrl.replaceAll("/+$", "") + "/confirm-email.xhtml?token=" + token,
          VALID_HOURS);
    }
    notices.emailChangeRequested(user, address, sourceIp);
    record(
        AuditAction.EMAIL_CHANGE_REQUESTED,
        taken ? AuditResult.FAILURE : AuditResult.SUCCESS,
        user,
        sourceIp,
        taken
            ? "new address already in use: no link sent"
            : "confirmation link mailed to " + CredentialNotices.masked(address));
  }

  /** Whether {@code token} is an e-mail change link that may still be used; changes nothing. */
  @Transactional
  public boolean isUsable(String token) {
    return links.findOpen(EMAIL_CHANGE, token, clock.instant()).isPresent();
  }

  /**
   * Consumes the link and switches the address; or throws and changes nothing.
   *
   * @return the sign-in of this request's session in the user's new session epoch, when this
   *     session is signed in as the same user (hand it to {@code CurrentUser.replace}); else empty
   * @throws EmailChangeLinkInvalid see {@link EmailChangeLinkInvalid}
   */
  @Transactional(rollbackOn = EmailChangeLinkInvalid.class)
  public Optional<SignedInUser> confirm(String token, String sourceIp)
      throws EmailChangeLinkInvalid {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    OneTimeToken link = links.consume(EMAIL_CHANGE, token, now).orElse(null);
    User user = link == null ? null : em.find(User.class, link.getUserId());
    if (user == null || user.getStatus() != UserStatus.ACTIVE) {
      refused(user, sourceIp, "link not usable");
      throw new EmailChangeLinkInvalid();
    }
    String address = link.getPayload();
    if (users.findByEmail(address).filter(other -> !other.equals(user)).isPresent()) {
      refused(user, sourceIp, "new address taken meanwhile");
      throw new EmailChangeLinkInvalid();
    }
    String oldEmail = user.getEmail();
    user.changeEmail(address);
    user.endSessions();
    em.flush(); // the unique key decides a race for the address here, inside the transaction
    record(
        AuditAction.EMAIL_CHANGE_CONFIRMED,
        AuditResult.SUCCESS,
        user,
        sourceIp,
        "address changed from " + CredentialNotices.masked(oldEmail) + "; other sessions ended");
    notices.emailChanged(user, oldEmail, sourceIp);
    return SignedInUser.in(request.getSession(false))
        .filter(signedIn -> signedIn.userId() == user.getId() && !signedIn.isImpersonating())
        .map(signedIn -> signedInAgain(signedIn, user));
  }

  private static SignedInUser signedInAgain(SignedInUser before, User user) {
    return new SignedInUser(
        before.userId(),
        user.getEmail(),
        before.displayName(),
        before.accountId(),
        before.roles(),
        before.authenticatedAt(),
        user.getSessionEpoch(),
        null);
  }

  private void refused(User user, String sourceIp, String why) {
    audit.record(
        AuditRecord.builder(AuditAction.EMAIL_CHANGE_CONFIRMED, AuditResult.DENIED)
            .actor(user == null ? null : SignedInUser.actorOf(user.getId()))
            .target(user == null ? null : SignedInUser.actorOf(user.getId()))
            .account(user == null ? null : user.getAccountId())
            .sourceIp(sourceIp)
            .detail(why)
            .build());
  }

  private void record(
      AuditAction action, AuditResult result, User user, String sourceIp, String detail) {
    audit.record(
        AuditRecord.builder(action, result)
            .actor(SignedInUser.actorOf(user.getId()))
            .target(SignedInUser.actorOf(user.getId()))
            .account(user.getAccountId())
            .sourceIp(sourceIp)
            .detail(detail)
            .build());
  }
}
