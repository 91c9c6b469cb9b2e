package io.dialtone.identity.boundary.profile;

import io.dialtone.identity.boundary.CredentialForm;
import io.dialtone.identity.boundary.CurrentUser;
import io.dialtone.identity.control.NewPasswordRefused;
import io.dialtone.identity.control.PasswordChanges;
import io.dialtone.identity.control.WrongCurrentPassword;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /profile/password.xhtml}: the signed-in user changes their password (SECURITY.md A1–A3,
 * A9). The current password is the step-up; the new one must pass the policy and differ from the
 * last 4. On success the page comes back empty with a confirmation (POST-redirect-GET). Callers
 * without {@code MANAGE_OWN_CREDENTIALS} (an agent acting as a customer) are answered 404.
 */
@Named
@RequestScoped
public class PasswordBacking {

  @Inject PasswordChanges changes;
  @Inject CurrentUser currentUser;
  @Inject FacesContext faces;
  @Inject AccessControl access;

  private final CredentialForm form = new CredentialForm();

  /** The page's view action: refused (404, audited) without the permission, e.g. impersonating. */
  public void open() {
    access.require(Permission.MANAGE_OWN_CREDENTIALS);
  }

  public String change() {
    try {
      if (!form.newPasswordConfirmed()) {
        return null;
      }
      HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
      currentUser.replace(
          changes.change(
              form.getCurrentPassword().toCharArray(),
              form.getNewPassword(),
              request.getRemoteAddr()));
      faces.getExternalContext().getFlash().setKeepMessages(true);
      Messages.addGlobalInfo("profile_password.changed");
      return "/profile/password.xhtml?faces-redirect=true";
    } catch (WrongCurrentPassword | NewPasswordRefused e) {
      Messages.refusal(e);
    } finally {
      form.clear();
    }
    return null;
  }

  public CredentialForm getForm() {
    return form;
  }
}
