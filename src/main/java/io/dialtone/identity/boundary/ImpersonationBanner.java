package io.dialtone.identity.boundary;

import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.boundary.PageTimes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The banner the layout shows on every page while an agent acts as a customer ({@code
 * #{impersonation}}): who, for which account, why, until when, and the Stop button.
 */
@Named("impersonation")
@RequestScoped
public class ImpersonationBanner {

  @Inject CurrentUser currentUser;
  @Inject ImpersonationSessions sessions;
  @Inject FacesContext faces;
  @Inject PageTimes times;

  public boolean isActive() {
    return current().isPresent();
  }

  /** The agent's name (or e-mail). */
  public String getAgent() {
    return current()
        .map(Impersonation::agent)
        .map(
            a -> a.displayName() == null || a.displayName().isBlank() ? a.email() : a.displayName())
        .orElse("");
  }

  public String getCustomer() {
    return current().map(Impersonation::customerAccountName).orElse("");
  }

  public String getReason() {
    return current().map(Impersonation::reason).orElse("");
  }

  /** When it ends by itself, in the viewer's zone and language (the page names the zone). */
  public String getEndsAt() {
    return current().map(i -> times.format(i.endsAt(), "dateTime")).orElse("");
  }

  /** Stops acting as the customer; the agent lands on the support page. */
  public String stop() {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    SignedInUser current = currentUser.require();
    String customer =
        current.isImpersonating() ? current.impersonation().customerAccountName() : "";
    sessions.end(request);
    faces.getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo("support.stopped", customer);
    return ImpersonationSessions.SUPPORT_PAGE + "?faces-redirect=true";
  }

  private Optional<Impersonation> current() {
    return currentUser.get().map(SignedInUser::impersonation);
  }
}
