package io.dialtone.identity.boundary;

import io.dialtone.identity.control.EmailChangeLinkInvalid;
import io.dialtone.identity.control.EmailChanges;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;

/**
 * {@code /confirm-email.xhtml?token=…} (public): the link mailed to a new e-mail address. Opening
 * it changes nothing (mail scanners open links); the button confirms. Public because the link is
 * often opened where the user is not signed in (the phone that reads the new mailbox): the 256-bit
 * single-use token, issued only after a step-up of the signed-in owner, proves the new mailbox, and
 * signing in adds nothing to that. Every session of the user ends, except this one when it is
 * signed in as that user; without one, the user signs in with the new address.
 */
@Named
@ViewScoped
public class ConfirmEmailBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient EmailChanges changes;
  @Inject transient CurrentUser currentUser;

  private String token;
  private boolean usable;
  private boolean opened;

  /** View action: whether the link may be used (checked, not consumed). */
  public void open() {
    if (!opened) {
      opened = true;
      usable = changes.isUsable(token);
    }
  }

  public String confirm() {
    try {
      HttpServletRequest request =
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
      Optional<SignedInUser> continued = changes.confirm(token, request.getRemoteAddr());
      continued.ifPresent(currentUser::replace);
      token = null;
      usable = false;
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Messages.addGlobalInfo("confirm_email.done");
      if (continued.isPresent()) {
        return "/profile/security.xhtml?faces-redirect=true";
      }
      return currentUser.isSignedIn()
          ? "/home.xhtml?faces-redirect=true"
          : "/signin.xhtml?faces-redirect=true";
    } catch (EmailChangeLinkInvalid e) {
      usable = false;
      token = null;
      return null;
    }
  }

  public String getToken() {
    return token;
  }

  /** Set from the view parameter on the first request only; the view keeps it afterwards. */
  public void setToken(String token) {
    if (!opened) {
      this.token = token;
    }
  }

  public boolean isUsable() {
    return usable;
  }
}
