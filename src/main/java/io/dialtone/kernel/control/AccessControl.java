package io.dialtone.kernel.control;

import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Server-side authorization for controls (SECURITY.md F): the caller needs the permission (from
 * their roles, deny by default) and, for anything tied to an account, the account must be in their
 * scope — their own account or one below it. Ids from requests are checked here, never trusted. A
 * refusal is fired as {@link AccessRefused} (the audit trail records it) and thrown as {@link
 * AccessDenied}, which pages answer with 404.
 */
@RequestScoped
public class AccessControl {

  @Inject HttpServletRequest request;
  @Inject AccountScope accounts;
  @Inject Event<AccessRefused> refusals;

  /** The signed-in caller; refused when there is none. */
  public SignedInUser caller() {
    return SignedInUser.in(request.getSession(false))
        .orElseThrow(() -> new AccessDenied("no signed-in caller"));
  }

  /** Whether the caller has {@code permission} (for showing or hiding links and buttons). */
  public boolean may(Permission permission) {
    return SignedInUser.in(request.getSession(false))
        .map(user -> user.permissions().contains(permission))
        .orElse(false);
  }

  /** Refuses unless the caller has {@code permission}. */
  public SignedInUser require(Permission permission) {
    SignedInUser caller = caller();
    if (!caller.permissions().contains(permission)) {
      deny(caller, permission, null);
    }
    return caller;
  }

  /** Refuses unless the caller has {@code permission} and {@code accountId} is in their scope. */
  public SignedInUser requireInScope(Permission permission, long accountId) {
    SignedInUser caller = require(permission);
    if (!accounts.isWithin(caller.accountId(), accountId)) {
      deny(caller, permission, "account:" + accountId);
    }
    return caller;
  }

  /**
   * Reports a refusal that no permission or scope check catches (an unknown id, a rule such as "not
   * yourself") and returns the exception to throw.
   */
  public AccessDenied refuse(String target, String why) {
    return denied(caller(), target, "refused: " + why);
  }

  private void deny(SignedInUser caller, Permission permission, String target) {
    throw denied(caller, target, "missing " + permission);
  }

  private AccessDenied denied(SignedInUser caller, String target, String detail) {
    refusals.fire(new AccessRefused(caller, target, detail, request.getRemoteAddr()));
    return new AccessDenied(caller.actor() + " " + detail + " on " + target);
  }
}
