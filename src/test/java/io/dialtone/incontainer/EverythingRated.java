package io.dialtone.incontainer;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.RateLookup;
import io.dialtone.kernel.entity.E164Number;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * A rate deck that prices every destination, added only to the call policy's in-container WAR:
 * without a rate deck every outside call stops at NO_RATE (SECURITY.md E2), before the customer
 * rules under test are reached.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) // above cdr.RateDeck
@ApplicationScoped
public class EverythingRated implements RateLookup {

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return true;
  }
}
