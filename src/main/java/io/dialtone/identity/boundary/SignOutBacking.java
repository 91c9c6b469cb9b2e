package io.dialtone.identity.boundary;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Sign-out: audited, then the session is invalidated on the server (SECURITY.md C5). */
@Named
@RequestScoped
public class SignOutBacking {

  @Inject FacesContext faces;
  @Inject AuditTrail audit;

  public String signOut() throws ServletException {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    AuthSession.signedIn(request)
        .ifPresent(
            user ->
                audit.record(
                    AuditRecord.builder(AuditAction.SIGN_OUT, AuditResult.SUCCESS)
                        .actor(user.actor())
                        .account(user.accountId())
                        .sourceIp(request.getRemoteAddr())
                        .build()));
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "/signin.xhtml?faces-redirect=true&signedOut=true";
  }
}
