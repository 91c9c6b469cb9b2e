package io.dialtone.identity.control;

import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
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
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The enrolment links of user administration: an invitation (a new PENDING user, 72 hours) and the
 * re-enrolment link after an MFA reset. Tokens carry 256 random bits; only their SHA-256 is stored;
 * a new link of the same purpose voids the user's older ones. Joins the caller's transaction and
 * checks nothing: {@link UserManagement} has checked permission and scope before calling.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Invitations {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject UserDirectory users;
  @Inject UserNotices notices;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject OneTimeLinks links;
  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "dialtone.invitation.hours", defaultValue = "72")
  long invitationHours;

  /** How long invitation and re-enrolment links stay valid. */
  public long validityHours() {
    return invitationHours;
  }

  /** A new PENDING user of {@code account} with an invitation mailed to them. */
  public User invite(AccountView account, String email, String displayName, Set<Role> roles)
      throws EmailTaken {
    SignedInUser caller = access.caller();
    if (users.findByEmail(email).isPresent()) {
      audit(AuditAction.USER_INVITED, AuditResult.FAILURE, caller, account.id(), null, "taken");
      throw new EmailTaken();
    }
    User user = User.invited(account.id(), email, blankToNull(displayName), roles, now());
    em.persist(user);
    em.flush();
    send(user, account);
    audit(
        AuditAction.USER_INVITED,
        AuditResult.SUCCESS,
        caller,
        account.id(),
        user,
        "roles " + roles + "; link valid " + invitationHours + " h");
    return user;
  }

  /** A new invitation link for an open invitation; the older one stops working. */
  public void resend(User user, AccountView account) {
    send(user, account);
    audit(
        AuditAction.INVITATION_RESENT,
        AuditResult.SUCCESS,
        access.caller(),
        account.id(),
        user,
        null);
  }

  /** Mails a re-enrolment link after an MFA reset (older enrolment links die). */
  public void sendMfaReset(User user, AccountView account) {
    String token = issue(user, TokenPurpose.MFA_RESET);
    notices.mfaReset(user.getEmail(), languageOf(account), token, invitationHours);
  }

  /** Voids every open invitation or re-enrolment link of {@code user}. */
  public void voidOpenLinks(User user) {
    links.voidOpen(Enrolments.PURPOSES, user.getId(), now());
  }

  private void send(User user, AccountView account) {
    String token = issue(user, TokenPurpose.INVITATION);
    notices.invitation(
        user.getEmail(), languageOf(account), token, account.name(), invitationHours);
  }

  private String issue(User user, TokenPurpose purpose) {
    voidOpenLinks(user);
    return links.issue(purpose, user.getId(), null, now(), Duration.ofHours(invitationHours));
  }

  private void audit(
      AuditAction action,
      AuditResult result,
      SignedInUser caller,
      long accountId,
      User user,
      String detail) {
    audit.record(
        AuditRecord.builder(action, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target(user == null ? null : SignedInUser.actorOf(user.getId()))
            .account(accountId)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Locale languageOf(AccountView account) {
    return Locale.forLanguageTag(account.profile().language());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
