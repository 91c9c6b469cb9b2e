package io.dialtone.identity.boundary;

import io.dialtone.audit.control.AuditContext;
import io.dialtone.identity.control.ImpersonationRefused;
import io.dialtone.identity.control.Impersonations;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Swaps the session's user when an impersonation starts or ends (SECURITY.md C3: each time under a
 * new session id) and keeps the request's audit on-behalf-of in step. Started from the support
 * page, stopped from the banner, ended by the authentication mechanism when the time box is over;
 * the agent then lands on the support page.
 */
@ApplicationScoped
public class ImpersonationSessions {

  /** Where an agent lands when an impersonation ends. */
  public static final String SUPPORT_PAGE = "/support/index.xhtml";

  /** The support page's query parameter telling the agent why the impersonation ended. */
  public static final String ENDED_PARAMETER = "ended";

  @Inject Impersonations impersonations;
  @Inject AuditContext auditContext;

  /** Starts acting as the administrator of {@code accountId}: new session id, new user. */
  public SignedInUser begin(HttpServletRequest request, long accountId, String reason)
      throws ImpersonationRefused {
    SignedInUser acting = impersonations.start(accountId, reason, request.getRemoteAddr());
    switchTo(request, acting);
    return acting;
  }

  /** Stops the current impersonation: the agent's own sign-in is back, under a new session id. */
  public SignedInUser end(HttpServletRequest request) {
    SignedInUser current =
        AuthSession.signedIn(request)
            .filter(SignedInUser::isImpersonating)
            .orElseThrow(() -> new AccessDenied("not impersonating"));
    SignedInUser agent = impersonations.stop(current, request.getRemoteAddr());
    switchTo(request, agent);
    return agent;
  }

  /**
   * For the authentication mechanism: when the impersonation of {@code user} is over (time up, or
   * the customer account suspended), restores the agent under a new session id and returns where to
   * send the browser (the support page); empty while the impersonation may go on.
   */
  public Optional<String> endIfOver(HttpServletRequest request, SignedInUser user) {
    Optional<SignedInUser> agent = impersonations.endIfOver(user, request.getRemoteAddr());
    agent.ifPresent(restored -> switchTo(request, restored));
    return agent.map(
        restored -> request.getContextPath() + SUPPORT_PAGE + "?" + ENDED_PARAMETER + "=over");
  }

  /** Sends the browser to {@code url}; a Faces Ajax request gets a partial-response redirect. */
  public static AuthenticationStatus redirect(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String url) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"))
        ? partialRedirect(response, url)
        : context.redirect(url);
  }

  private void switchTo(HttpServletRequest request, SignedInUser user) {
    AuthSession.completeSignIn(request, user);
    auditContext.actingFor(user.onBehalfOf());
  }

  private static AuthenticationStatus partialRedirect(HttpServletResponse response, String url) {
    try {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url
                  + "\"/></partial-response>");
      response.flushBuffer();
      return AuthenticationStatus.SEND_CONTINUE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
