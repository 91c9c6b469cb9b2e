package io.dialtone.identity.boundary;

import io.dialtone.identity.control.Enrolments;
import io.dialtone.identity.control.Enrolments.OpenEnrolment;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.PasswordPolicy;
import io.dialtone.identity.control.PasswordViolation;
import io.dialtone.identity.control.QrCodes;
import io.dialtone.identity.control.RecoveryCodes;
import io.dialtone.identity.control.SetupLinkInvalid;
import io.dialtone.identity.control.SetupLinks.EnrolledCredentials;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
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
  private static final String ISSUER = "Dialtone";

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

  @NotBlank
  @Size(max = 1024)
  private String password;

  @NotBlank
  @Size(max = 1024)
  private String confirmation;

  @NotBlank
  @Size(max = 16)
  private String code;

  private String passwordHash;
  private String totpSecret;
  private String qrDataUri;
  private List<String> recoveryCodes = List.of();

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
      if (!password.equals(confirmation)) {
        Messages.addGlobalError("setup.passwordMismatch");
        return;
      }
      List<PasswordViolation> violations = policy.check(password, enrolment.email());
      if (!violations.isEmpty()) {
        violations.forEach(v -> Messages.addGlobalError(v.messageKey()));
        return;
      }
      passwordHash = hasher.hash(password.toCharArray());
      startTotp();
    } finally {
      password = null;
      confirmation = null;
    }
  }

  /** MFA reset: the current password, counted towards the lockout when wrong. */
  public void verifyPassword() {
    if (step != Step.VERIFY) {
      return;
    }
    try {
      if (enrolments.checkPassword(token, password.toCharArray(), sourceIp())) {
        startTotp();
      } else {
        Messages.addGlobalError("enrol.wrongPassword");
      }
    } finally {
      password = null;
    }
  }

  public void confirmTotp() {
    if (step != Step.TOTP) {
      return;
    }
    OptionalLong accepted = totp.acceptedStep(totpSecret, code, clock.instant());
    code = null;
    if (accepted.isEmpty()) {
      Messages.addGlobalError("setup.totpWrong");
      return;
    }
    List<String> codes = RecoveryCodes.generate();
    try {
      enrolments.complete(
          token,
          new EnrolledCredentials(
              enrolment.email(),
              displayName,
              passwordHash,
              cipher.encrypt(totpSecret),
              accepted.getAsLong(),
              codes.stream().map(RecoveryCodes::hash).toList()),
          sourceIp());
      recoveryCodes = codes;
      step = Step.CODES;
    } catch (SetupLinkInvalid e) {
      step = Step.INVALID;
    } finally {
      totpSecret = null;
      qrDataUri = null;
      passwordHash = null;
    }
  }

  private void startTotp() {
    totpSecret = TotpCodes.newSecret();
    qrDataUri = QrCodes.pngDataUri(totp.otpauthUri(ISSUER, enrolment.email(), totpSecret), 240);
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

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getTotpSecret() {
    return totpSecret;
  }

  public String getQrDataUri() {
    return qrDataUri;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }
}
