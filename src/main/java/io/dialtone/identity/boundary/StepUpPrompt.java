package io.dialtone.identity.boundary;

import io.dialtone.identity.control.StepUp;
import io.dialtone.identity.control.StepUpResult;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The state of the step-up prompt of one view ({@code <dt:stepUp>}, SECURITY.md C6). A page's
 * backing bean catches {@code StepUpRequired}, remembers what it was doing and calls {@link
 * #ask()}; the prompt then shows one field, "password or authenticator code". Its confirm button
 * runs {@link #confirm} as an action listener and the page's retry method as its action. After a
 * refused step-up the retry is harmless: the control it calls checks {@code StepUp.requireRecent()}
 * first and throws {@code StepUpRequired} again, so the page asks again, under the refusal's
 * message.
 *
 * <p>Six digits (spaces ignored) are taken as a TOTP code, anything else as the password: the
 * password policy (A1: at least 12 characters, with letters) makes the two impossible to confuse.
 */
@Named
@ViewScoped
public class StepUpPrompt implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int INPUT_MAX = 1024;
  private static final Pattern TOTP_CODE =
      Pattern.compile("\\s*(?:[0-9]\\s*){" + TotpCodes.DIGITS + "}");

  @Inject transient StepUp stepUp;

  private boolean asked;

  @NotBlank
  @Size(max = INPUT_MAX)
  private String secret;

  /** Shows the prompt: the action the page tried needs a recent step-up. */
  public void ask() {
    asked = true;
  }

  /** Hides the prompt without stepping up. */
  public void cancel() {
    asked = false;
    secret = null;
  }

  /** Action listener of the prompt's button: steps up, or adds the reason as a message. */
  public void confirm(ActionEvent event) {
    String typed = secret;
    secret = null;
    String sourceIp =
        ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
            .getRemoteAddr();
    StepUpResult result =
        isTotpCode(typed)
            ? stepUp.withTotpCode(typed, sourceIp)
            : stepUp.withPassword(typed == null ? new char[0] : typed.toCharArray(), sourceIp);
    if (result.confirmed()) {
      asked = false;
      return;
    }
    Messages.addGlobalError(
        switch (result) {
          case CODE_ALREADY_USED -> "stepUp.codeAlreadyUsed";
          case LOCKED -> "stepUp.locked";
          default -> "stepUp.wrong";
        });
  }

  static boolean isTotpCode(String typed) {
    return typed != null && TOTP_CODE.matcher(typed).matches();
  }

  public boolean isAsked() {
    return asked;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }
}
