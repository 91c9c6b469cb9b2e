package io.dialtone.identity.boundary;

import io.dialtone.identity.control.Impersonations;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the end of an impersonation whose session ends before it was stopped (sign-out, idle
 * timeout, a disabled agent), so every support session in the trail has an end.
 */
@WebListener
public class ImpersonationSessionListener implements HttpSessionListener {

  private static final Logger LOG = Logger.getLogger(ImpersonationSessionListener.class.getName());

  @Inject Impersonations impersonations;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    try {
      if (event.getSession().getAttribute(SignedInUser.SESSION_ATTRIBUTE)
              instanceof SignedInUser user
          && user.isImpersonating()) {
        impersonations.endWithSession(user);
      }
    } catch (RuntimeException e) { // the session ends anyway; the failed append is logged too
      LOG.log(Level.WARNING, "could not record the end of an impersonation", e);
    }
  }
}
