package io.dialtone.identity.boundary;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
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
}
