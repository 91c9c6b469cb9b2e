package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.DestinationClass;
import io.dialtone.callpolicy.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link RateLookup} until the rate deck exists (CDR issue): nothing is rated, so every outside
 * call is blocked (SECURITY.md E2 fails closed). Emergency and internal calls are not affected. The
 * rating component replaces this bean.
 */
@ApplicationScoped
public class UnratedUntilRateDeck implements RateLookup {

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return false;
  }
}
