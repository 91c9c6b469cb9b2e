package io.dialtone.identity.boundary;

import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditResult;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.PasswordPolicy;
import io.dialtone.identity.control.SetupLinkInvalid;
import io.dialtone.identity.control.SetupLinks;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
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

  private final CredentialForm form = new CredentialForm();
  private final NewCredentials credentials = new NewCredentials();

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
    try {
      if (credentials.choosePassword(form, email, policy, hasher)) {
        credentials.startTotp(totp, email);
        step = Step.TOTP;
      }
    } finally {
      form.clear();
    }
  }

  public void confirmTotp() {
    OptionalLong accepted = credentials.accept(totp, form.getCode(), clock.instant());
    form.clear();
    if (accepted.isEmpty()) {
      return;
    }
    try {
      long userId =
          links.complete(
              token, credentials.enrolled(email, displayName, accepted.getAsLong(), cipher));
      audit.record(
          AuditRecord.builder(AuditAction.SETUP_COMPLETED, AuditResult.SUCCESS)
              .actor(SignedInUser.actorOf(userId))
              .target(SignedInUser.actorOf(userId))
              .account(AccountScope.PLATFORM_ACCOUNT_ID)
              .sourceIp(sourceIp())
              .build());
      credentials.forgetSecrets();
      step = Step.CODES;
    } catch (SetupLinkInvalid e) {
      audit.record(
          AuditRecord.builder(AuditAction.SETUP_TOKEN_REJECTED, AuditResult.DENIED)
              .sourceIp(sourceIp())
              .build());
      credentials.forgetAll();
      step = Step.INVALID;
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

  public CredentialForm getForm() {
    return form;
  }

  public NewCredentials getCredentials() {
    return credentials;
  }
}
