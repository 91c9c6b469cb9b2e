package io.dialtone.identity.boundary;

import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditResult;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.PasswordPolicy;
import io.dialtone.identity.control.PasswordViolation;
import io.dialtone.identity.control.QrCodes;
import io.dialtone.identity.control.RecoveryCodes;
import io.dialtone.identity.control.SetupLinkInvalid;
import io.dialtone.identity.control.SetupLinks;
import io.dialtone.identity.control.SetupLinks.EnrolledCredentials;
import io.dialtone.identity.control.SignedInUser;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.DataCipher;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code /setup.xhtml}: the first-run wizard behind the one-time link. Step 1 takes the e-mail and
 * password (hashed at once; the plain password is not kept), step 2 enrols TOTP with a QR code
 * rendered inline, step 3 shows the recovery codes once. Nothing is stored until the TOTP code
 * proves the authenticator works; then the link is consumed and the administrator created in one
 * transaction. The view state, including the new TOTP secret, stays on the server.
 */
@Named
@ViewScoped
public class SetupBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ISSUER = "Dialtone";

  /** Where the wizard is. */
  public enum Step {
    INVALID,
    ACCOUNT,
    TOTP,
    CODES
  }

  @Inject transient SetupLinks links;
  @Inject transient PasswordPolicy policy;
  @Inject transient PasswordHasher hasher;
  @Inject transient TotpCodes totp;
  @Inject transient DataCipher cipher;
  @Inject transient AuditTrail audit;
  @Inject transient Clock clock;

  private String token;
  private Step step = Step.INVALID;

  @NotBlank
  @Email
  @Size(max = 254)
  private String email;

  @Size(max = 120)
  private String displayName;

  @NotBlank private String password;

  @NotBlank private String confirmation;

  @NotBlank
  @Size(max = 16)
  private String code;

  private String passwordHash;
  private String totpSecret;
  private String qrDataUri;
  private List<String> recoveryCodes = List.of();

  /** View action: decides from the link whether the wizard may start. */
  public void open() {
    if (step != Step.INVALID) {
      return;
    }
    if (links.isUsable(token)) {
      step = Step.ACCOUNT;
    } else {
      audit.record(
          AuditRecord.builder(AuditAction.SETUP_TOKEN_REJECTED, AuditResult.DENIED)
              .sourceIp(sourceIp())
              .build());
    }
  }

  public void submitAccount() {
    if (!password.equals(confirmation)) {
      Messages.addGlobalError("setup.passwordMismatch");
      return;
    }
    List<PasswordViolation> violations = policy.check(password, email);
    if (!violations.isEmpty()) {
      violations.forEach(v -> Messages.addGlobalError(v.messageKey()));
      return;
    }
    passwordHash = hasher.hash(password.toCharArray());
    password = null;
    confirmation = null;
    totpSecret = TotpCodes.newSecret();
    qrDataUri = QrCodes.pngDataUri(totp.otpauthUri(ISSUER, email, totpSecret), 240);
    step = Step.TOTP;
  }

  public void confirmTotp() {
    OptionalLong accepted = totp.acceptedStep(totpSecret, code, clock.instant());
    code = null;
    if (accepted.isEmpty()) {
      Messages.addGlobalError("setup.totpWrong");
      return;
    }
    List<String> codes = RecoveryCodes.generate();
    try {
      long userId =
          links.complete(
              token,
              new EnrolledCredentials(
                  email,
                  displayName,
                  passwordHash,
                  cipher.encrypt(totpSecret),
                  accepted.getAsLong(),
                  codes.stream().map(RecoveryCodes::hash).toList()));
      audit.record(
          AuditRecord.builder(AuditAction.SETUP_COMPLETED, AuditResult.SUCCESS)
              .actor(SignedInUser.actorOf(userId))
              .target(SignedInUser.actorOf(userId))
              .account(Account.PLATFORM_ID)
              .sourceIp(sourceIp())
              .build());
      recoveryCodes = codes;
      step = Step.CODES;
    } catch (SetupLinkInvalid e) {
      audit.record(
          AuditRecord.builder(AuditAction.SETUP_TOKEN_REJECTED, AuditResult.DENIED)
              .sourceIp(sourceIp())
              .build());
      step = Step.INVALID;
    } finally {
      totpSecret = null;
      qrDataUri = null;
      passwordHash = null;
    }
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
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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

  /** The secret in Base32, for people who type it instead of scanning the QR code. */
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
