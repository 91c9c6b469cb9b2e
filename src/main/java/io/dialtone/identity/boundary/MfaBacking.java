package io.dialtone.identity.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.dialtone.account.control.AccountTree;
import io.dialtone.identity.boundary.SecondFactorCredential.Kind;
import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.identity.control.UserLanguages;
import io.dialtone.identity.control.UserTimeZones;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.boundary.ViewerZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The second step of {@code /mfa.xhtml}: a TOTP code, or a recovery code instead; once signed in,
 * the session speaks the user's own language and shows times in their own zone, else their
 * account's.
 */
@Named
@RequestScoped
public class MfaBacking {

  @Inject SecurityContext securityContext;
  @Inject SignInAttempt attempt;
  @Inject FacesContext faces;
  @Inject UserLanguages languages;
  @Inject UserTimeZones timeZones;
  @Inject LocaleBacking locale;
  @Inject ViewerZone zone;
  @Inject AccountTree accounts;

  @NotBlank
  @Size(max = 32)
  private String code;

  private boolean recoveryCode;

  /** Opening the page without a pending password step leads back to the sign-in page. */
  public String checkPending() {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    return AuthSession.pending(request).isPresent() ? null : "/signin.xhtml?faces-redirect=true";
  }

  public String verify() {
    ExternalContext external = faces.getExternalContext();
    // Decide on the attempt's outcome, not the returned status: a mechanism that "does nothing"
    // (a refused code) is reported as SUCCESS by the container, as JASPIC has no NOT_DONE.
    securityContext.authenticate(
        (HttpServletRequest) external.getRequest(),
        (HttpServletResponse) external.getResponse(),
        withParams()
            .newAuthentication(true)
            .credential(
                SecondFactorCredential.submitted(
                    recoveryCode ? Kind.RECOVERY_CODE : Kind.TOTP, code)));
    code = null;
    if (attempt.getOutcome() == SignInOutcome.SIGNED_IN) {
      // The user's own language and time zone (else their account's) from the first page on.
      attempt.signedInUser().ifPresent(this::settle);
      return "/home.xhtml?faces-redirect=true";
    }
    switch (attempt.getOutcome()) {
      case EXPIRED -> {
        Messages.flashGlobalError("mfa.expired");
        return "/signin.xhtml?faces-redirect=true";
      }
      case CODE_ALREADY_USED -> Messages.addGlobalError("mfa.codeAlreadyUsed");
      default -> Messages.addGlobalError(recoveryCode ? "mfa.recoveryFailed" : "mfa.failed");
    }
    return null;
  }

  private void settle(SignedInUser user) {
    languages.of(user.userId()).ifPresent(locale::setLanguage);
    var account = accounts.find(user.accountId());
    timeZones
        .of(user.userId())
        .or(() -> account.map(a -> a.profile().timeZone()))
        .ifPresent(zone::set);
    account.ifPresent(a -> zone.setCountry(a.country()));
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isRecoveryCode() {
    return recoveryCode;
  }

  public void setRecoveryCode(boolean recoveryCode) {
    this.recoveryCode = recoveryCode;
  }
}
