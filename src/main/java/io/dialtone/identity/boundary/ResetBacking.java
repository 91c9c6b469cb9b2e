package io.dialtone.identity.boundary;

import io.dialtone.identity.control.NewPasswordRefused;
import io.dialtone.identity.control.PasswordResets;
import io.dialtone.identity.control.ResetLinkInvalid;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * {@code /reset.xhtml?token=…} (public): sets a new password with an e-mailed link. The token stays
 * in the server-side view state between requests. Success leads to the sign-in page: a reset never
 * signs anyone in, so the second factor is still required (SECURITY.md B1).
 */
@Named
@ViewScoped
public class ResetBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PasswordResets resets;

  private String token;
  private boolean usable;

  private final CredentialForm form = new CredentialForm();

  /** View action: whether the link may be used (checked, not consumed). */
  public void open() {
    usable = resets.isUsable(token);
  }

  public String reset() {
    try {
      if (!form.newPasswordConfirmed()) {
        return null;
      }
      resets.complete(token, form.getNewPassword(), sourceIp());
      token = null;
      usable = false;
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Messages.addGlobalInfo("reset.done");
      return "/signin.xhtml?faces-redirect=true";
    } catch (ResetLinkInvalid e) {
      usable = false;
      token = null;
    } catch (NewPasswordRefused e) {
      Messages.refusal(e);
    } finally {
      form.clear();
    }
    return null;
  }

  private static String sourceIp() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  public String getToken() {
    return token;
  }

  /** Set from the view parameter on the first request only; the view keeps it afterwards. */
  public void setToken(String token) {
    if (this.token == null && !usable) {
      this.token = token;
    }
  }

  public boolean isUsable() {
    return usable;
  }

  public CredentialForm getForm() {
    return form;
  }
}
