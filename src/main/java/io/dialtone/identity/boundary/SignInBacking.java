package io.dialtone.identity.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.identity.control.Throttles;
import io.dialtone.platform.boundary.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The password step of {@code /signin.xhtml}, throttled per client IP before the password is
 * checked (SECURITY.md A5).
 */
@Named
@RequestScoped
public class SignInBacking {

  @Inject SecurityContext securityContext;
  @Inject SignInAttempt attempt;
  @Inject FacesContext faces;
  @Inject Throttles throttles;

  @NotBlank
  @Size(max = 254)
  private String email;

  @NotBlank
  @Size(max = 1024)
  private String password;

  public String signIn() {
    ExternalContext external = faces.getExternalContext();
    if (!throttles.allowSignIn(((HttpServletRequest) external.getRequest()).getRemoteAddr())) {
      password = null;
      Messages.addGlobalError("signin.failed");
      Messages.addGlobalError("signin.throttled");
      return null;
    }
    securityContext.authenticate(
        (HttpServletRequest) external.getRequest(),
        (HttpServletResponse) external.getResponse(),
        withParams()
            .newAuthentication(true)
            .credential(new UsernamePasswordCredential(email, new Password(password))));
    password = null;
    if (attempt.getOutcome() == SignInOutcome.MFA_REQUIRED) {
      return "/mfa.xhtml?faces-redirect=true";
    }
    Messages.addGlobalError("signin.failed");
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
