package io.dialtone.identity.boundary;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the layout shows in its navigation ({@code #{nav.may('VIEW_AUDIT')}}). Only for showing
 * links: every page and action checks its permission again on the server.
 */
@Named("nav")
@RequestScoped
public class NavBacking {

  @Inject AccessControl access;

  public boolean may(String permission) {
    return access.may(Permission.valueOf(permission));
  }

  /** Who is signed in, as the user menu names them: their display name, else their e-mail. */
  public String getUserName() {
    try {
      var caller = access.caller();
      return caller.displayName() == null || caller.displayName().isBlank()
          ? caller.email()
          : caller.displayName();
    } catch (AccessDenied e) {
      return ""; // an error page answered before the sign-in completed
    }
  }
}
