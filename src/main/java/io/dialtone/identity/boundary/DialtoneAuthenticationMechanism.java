package io.dialtone.identity.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditContext;
import io.dialtone.identity.boundary.AuthSession.PendingMfa;
import io.dialtone.identity.control.SessionValidity;
import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dialtone's Jakarta Security mechanism: password first, then a second factor; the container learns
 * of a caller only after both (SECURITY.md B1). A session that passed only the password is sent to
 * the MFA page from anywhere protected; the password step is valid for 5 minutes. Signed-in
 * sessions end after 12 hours whatever the activity (C2); idle expiry (C1) is the container's. A
 * session ends at its next request when its user was disabled or moved to a new session epoch (C5),
 * or when the user's account (or an account above it) was suspended. An impersonation whose time is
 * up ends at the next page request: the agent's own sign-in is restored and sent to the support
 * page. Each signed-in request tells the audit trail whom it acts for.
 */
@ApplicationScoped
public class DialtoneAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SIGN_IN_PAGE = "/signin.xhtml";
  static final String MFA_PAGE = "/mfa.xhtml";
  private static final Duration PASSWORD_STEP_VALIDITY = Duration.ofMinutes(5);
  private static final String ACCOUNT_ACTIVE = "dialtone.sessionValid";
  private static final String RESOURCES = "/jakarta.faces.resource/";

  @Inject IdentityStoreHandler identityStores;
  @Inject SignInAttempt attempt;
  @Inject Clock clock;
  @Inject AccountTree accounts;
  @Inject SessionValidity sessions;
  @Inject ImpersonationSessions impersonation;
  @Inject AuditContext auditContext;

  @Inject
  @ConfigProperty(name = "dialtone.session.absolute-hours", defaultValue = "12")
  int absoluteHours;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential password) {
      return passwordStep(request, context, password);
    }
    if (credential instanceof SecondFactorCredential secondFactor) {
      return secondFactorStep(request, context, secondFactor);
    }
    Optional<String> impersonationOver =
        AuthSession.signedIn(request)
            .filter(signedIn -> signedIn.isImpersonating() && !isResource(request))
            .flatMap(signedIn -> impersonation.endIfOver(request, signedIn));
    if (impersonationOver.isPresent()) { // the agent is back: to the support page
      return ImpersonationSessions.redirect(request, response, context, impersonationOver.get());
    }
    Optional<SignedInUser> user =
        AuthSession.signedIn(request)
            .filter(this::withinAbsoluteLifetime)
            .filter(signedIn -> stillValid(request, signedIn));
    if (user.isPresent()) {
      auditContext.actingFor(user.get().onBehalfOf());
      return context.notifyContainerAboutLogin(user.get().actor(), user.get().groups());
    }
    if (AuthSession.signedIn(request).isPresent()) {
      request.getSession().invalidate(); // past the absolute lifetime, disabled or suspended
    }
    if (context.isProtected()) {
      String page = AuthSession.pending(request).isPresent() ? MFA_PAGE : SIGN_IN_PAGE;
      return context.redirect(request.getContextPath() + page);
    }
    return context.doNothing();
  }

  private AuthenticationStatus passwordStep(
      HttpServletRequest request,
      HttpMessageContext context,
      UsernamePasswordCredential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    credential.getPassword().clear();
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      attempt
          .pendingUserId()
          .ifPresent(userId -> AuthSession.startPending(request, userId, clock.instant()));
    }
    return context.doNothing(); // nobody is signed in before the second factor
  }

  private AuthenticationStatus secondFactorStep(
      HttpServletRequest request, HttpMessageContext context, SecondFactorCredential submitted) {
    Optional<PendingMfa> pending =
        AuthSession.pending(request).filter(this::passwordStepStillValid);
    if (pending.isEmpty()) {
      AuthSession.clearPending(request);
      attempt.setOutcome(SignInOutcome.EXPIRED);
      return context.doNothing();
    }
    CredentialValidationResult result =
        identityStores.validate(submitted.forUser(pending.get().userId()));
    Optional<SignedInUser> user = attempt.signedInUser();
    if (result.getStatus() != CredentialValidationResult.Status.VALID || user.isEmpty()) {
      return context.doNothing();
    }
    AuthSession.completeSignIn(request, user.get());
    return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
  }

  private boolean passwordStepStillValid(PendingMfa pending) {
    return pending.at().plus(PASSWORD_STEP_VALIDITY).isAfter(clock.instant());
  }

  /** Asked once per request (forwards and includes reuse the answer): two indexed queries. */
  private boolean stillValid(HttpServletRequest request, SignedInUser user) {
    if (isResource(request)) {
      return true; // public static resources: no database round trip for each stylesheet
    }
    if (request.getAttribute(ACCOUNT_ACTIVE) instanceof Boolean known) {
      return known;
    }
    boolean active = sessions.isCurrent(user) && accounts.isActiveWithAncestors(user.accountId());
    request.setAttribute(ACCOUNT_ACTIVE, active);
    return active;
  }

  private static boolean isResource(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + RESOURCES);
  }

  private boolean withinAbsoluteLifetime(SignedInUser user) {
    Instant end = user.authenticatedAt().plus(Duration.ofHours(absoluteHours));
    return end.isAfter(clock.instant());
  }
}
