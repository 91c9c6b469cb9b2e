package io.dialtone.identity.boundary;

import io.dialtone.identity.control.PasswordResets;
import io.dialtone.identity.control.Throttles;
import io.dialtone.platform.boundary.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code /forgot.xhtml} (public): asks for a reset link. The answer is the same page, status and
 * text whatever the address (SECURITY.md A7), and the address is not shown back. Throttled per IP
 * before any work (A5); a throttled request is told to try later and nothing is sent.
 */
@Named
@RequestScoped
public class ForgotBacking {

  @Inject PasswordResets resets;
  @Inject Throttles throttles;
  @Inject FacesContext faces;

  @NotBlank
  @Size(max = 254)
  private String email;

  public String request() {
    String ip = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
    String submitted = email;
    email = null;
    if (!throttles.allowResetRequest(ip)) {
      Messages.addGlobalError("forgot.throttled");
      return null;
    }
    resets.request(submitted, ip);
    Messages.addGlobalInfo("forgot.sent");
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
