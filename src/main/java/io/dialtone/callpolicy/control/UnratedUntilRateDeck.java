package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.DestinationClass;
import io.dialtone.callpolicy.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link RateLookup} of a deployment without the rate deck: nothing is rated, so every outside
 * call is blocked (SECURITY.md E2 fails closed). Emergency and internal calls are not affected. The
 * CDR component's {@code cdr.control.RateDeck} replaces this bean (a CDI alternative with
 * priority), so a deployment that leaves the CDR component out still fails closed.
 */
@ApplicationScoped
public class UnratedUntilRateDeck implements RateLookup {

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return false;
  }
}
