package io.dialtone.identity.boundary;

import io.dialtone.identity.control.Enrolments;
import io.dialtone.identity.control.Enrolments.OpenEnrolment;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.PasswordPolicy;
import io.dialtone.identity.control.SetupLinkInvalid;
import io.dialtone.identity.control.Throttles;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.DataCipher;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * {@code /enrol.xhtml}: where an invitation or an MFA-reset link leads, signed out. An invitee
 * chooses a password; a user whose second factor was reset proves their current password; then both
 * enrol TOTP (QR inline, secret kept in the server-side view state) and get recovery codes once.
 * Nothing is stored until the TOTP code proves the authenticator works. Link openings are throttled
 * per address.
 */
@Named
@ViewScoped
public class EnrolBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the page is. */
  public enum Step {
    INVALID,
    PASSWORD,
    VERIFY,
    TOTP,
    CODES
  }

  @Inject transient Enrolments enrolments;
  @Inject transient Throttles throttles;
  @Inject transient PasswordPolicy policy;
  @Inject transient PasswordHasher hasher;
  @Inject transient TotpCodes totp;
  @Inject transient DataCipher cipher;
  @Inject transient Clock clock;

  private String token;
  private Step step = Step.INVALID;
  private OpenEnrolment enrolment;

  @Size(max = 120)
  private String displayName;

  private final CredentialForm form = new CredentialForm();
  private final NewCredentials credentials = new NewCredentials();

  /** View action: decides from the link what the page offers. */
  public void open() {
    if (step != Step.INVALID) {
      return;
    }
    if (!throttles.allowEnrolment(sourceIp())) {
      Messages.addGlobalError("enrol.throttled");
      return;
    }
    enrolments
        .open(token, sourceIp())
        .ifPresent(
            found -> {
              enrolment = found;
              displayName = found.displayName();
              step = found.purpose() == TokenPurpose.INVITATION ? Step.PASSWORD : Step.VERIFY;
            });
  }

  /** Invitation: the new password. */
  public void choosePassword() {
    if (step != Step.PASSWORD) {
      return;
    }
    try {
      if (credentials.choosePassword(form, enrolment.email(), policy, hasher)) {
        startTotp();
      }
    } finally {
      form.clear();
    }
  }

  /** MFA reset: the current password, counted towards the lockout when wrong. */
  public void verifyPassword() {
    if (step != Step.VERIFY) {
      return;
    }
    try {
      if (enrolments.checkPassword(token, form.getCurrentPassword().toCharArray(), sourceIp())) {
        startTotp();
      } else {
        Messages.addGlobalError("enrol.wrongPassword");
      }
    } finally {
      form.clear();
    }
  }

  public void confirmTotp() {
    if (step != Step.TOTP) {
      return;
    }
    OptionalLong accepted = credentials.accept(totp, form.getCode(), clock.instant());
    form.clear();
    if (accepted.isEmpty()) {
      return;
    }
    try {
      enrolments.complete(
          token,
          credentials.enrolled(enrolment.email(), displayName, accepted.getAsLong(), cipher),
          sourceIp());
      credentials.forgetSecrets();
      step = Step.CODES;
    } catch (SetupLinkInvalid e) {
      credentials.forgetAll();
      step = Step.INVALID;
    }
  }

  private void startTotp() {
    credentials.startTotp(totp, enrolment.email());
    step = Step.TOTP;
  }

  private static String sourceIp() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    if (step == Step.INVALID) {
      this.token = token;
    }
  }

  public Step getStep() {
    return step;
  }

  public String getEmail() {
    return enrolment == null ? null : enrolment.email();
  }

  public boolean isInvitation() {
    return enrolment != null && enrolment.purpose() == TokenPurpose.INVITATION;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public CredentialForm getForm() {
    return form;
  }

  public NewCredentials getCredentials() {
    return credentials;
  }
}
