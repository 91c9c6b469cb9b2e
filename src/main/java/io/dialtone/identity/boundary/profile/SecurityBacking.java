package io.dialtone.identity.boundary.profile;

import io.dialtone.identity.boundary.CredentialForm;
import io.dialtone.identity.boundary.CurrentUser;
import io.dialtone.identity.boundary.StepUpPrompt;
import io.dialtone.identity.control.EmailChangeRefused;
import io.dialtone.identity.control.EmailChanges;
import io.dialtone.identity.control.NewAuthenticator;
import io.dialtone.identity.control.OwnSecondFactor;
import io.dialtone.identity.control.ReEnrolment;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.identity.control.WrongTotpCode;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /profile/security.xhtml}: the signed-in user's e-mail address, authenticator app and
 * recovery codes (SECURITY.md A9, B4, B5, C6). Every action needs a recent step-up: when the
 * control says {@link StepUpRequired}, the bean remembers the action and shows the step-up prompt,
 * whose button calls {@link #retry()} after a successful step-up. The new TOTP secret and the
 * recovery codes live only in this server-side view state (the page is sent {@code no-store}).
 */
@Named
@ViewScoped
public class SecurityBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page was doing when it asked for a step-up. */
  enum Pending {
    NONE,
    CHANGE_EMAIL,
    NEW_AUTHENTICATOR,
    CONFIRM_AUTHENTICATOR,
    RECOVERY_CODES
  }

  @Inject transient AccessControl access;
  @Inject transient EmailChanges emailChanges;
  @Inject transient OwnSecondFactor secondFactor;
  @Inject transient CurrentUser currentUser;
  @Inject StepUpPrompt prompt;

  private Pending pending = Pending.NONE;

  @NotBlank
  @Email
  @Size(max = User.EMAIL_MAX)
  private String newEmail;

  private final CredentialForm form = new CredentialForm();

  private NewAuthenticator newAuthenticator;
  private List<String> recoveryCodes = List.of();

  /** View action: only for callers who may manage their own credentials (404 otherwise). */
  public void open() {
    access.require(Permission.MANAGE_OWN_CREDENTIALS);
  }

  public void changeEmail() {
    try {
      emailChanges.request(newEmail, sourceIp());
      pending = Pending.NONE;
      newEmail = null;
      Messages.addGlobalInfo("profile_security.email.sent");
    } catch (StepUpRequired e) {
      askStepUp(Pending.CHANGE_EMAIL);
    } catch (EmailChangeRefused e) {
      pending = Pending.NONE;
      Messages.refusal(e);
    }
  }

  public void startNewAuthenticator() {
    try {
      newAuthenticator = secondFactor.newAuthenticator();
      recoveryCodes = List.of();
      pending = Pending.NONE;
    } catch (StepUpRequired e) {
      askStepUp(Pending.NEW_AUTHENTICATOR);
    }
  }

  public void confirmAuthenticator() {
    try {
      ReEnrolment done =
          secondFactor.confirmAuthenticator(
              newAuthenticator == null ? null : newAuthenticator.secret(),
              form.getCode(),
              sourceIp());
      currentUser.replace(done.updated());
      newAuthenticator = null;
      recoveryCodes = done.recoveryCodes();
      pending = Pending.NONE;
      Messages.addGlobalInfo("profile_security.mfa.changed");
    } catch (StepUpRequired e) {
      askStepUp(Pending.CONFIRM_AUTHENTICATOR);
      return;
    } catch (WrongTotpCode e) {
      pending = Pending.NONE;
      Messages.refusal(e);
    }
    form.clear();
  }

  public void regenerateRecoveryCodes() {
    try {
      recoveryCodes = secondFactor.regenerateRecoveryCodes(sourceIp());
      newAuthenticator = null;
      pending = Pending.NONE;
      Messages.addGlobalInfo("profile_security.codes.done");
    } catch (StepUpRequired e) {
      askStepUp(Pending.RECOVERY_CODES);
    }
  }

  /** The step-up prompt's action: runs again what needed the step-up. */
  public void retry() {
    switch (pending) {
      case CHANGE_EMAIL -> changeEmail();
      case NEW_AUTHENTICATOR -> startNewAuthenticator();
      case CONFIRM_AUTHENTICATOR -> confirmAuthenticator();
      case RECOVERY_CODES -> regenerateRecoveryCodes();
      case NONE -> {}
    }
  }

  private void askStepUp(Pending action) {
    pending = action;
    prompt.ask();
  }

  private static String sourceIp() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  public String getCurrentEmail() {
    return currentUser.get().map(u -> u.email()).orElse("");
  }

  public String getNewEmail() {
    return newEmail;
  }

  public void setNewEmail(String newEmail) {
    this.newEmail = newEmail;
  }

  public CredentialForm getForm() {
    return form;
  }

  /** The authenticator being set up, until its first code confirms it; else null. */
  public NewAuthenticator getNewAuthenticator() {
    return newAuthenticator;
  }

  /** Recovery codes just issued, shown once; empty otherwise. */
  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }
}
