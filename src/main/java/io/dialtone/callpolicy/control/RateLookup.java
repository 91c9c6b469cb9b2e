package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;

/**
 * Whether the rate deck prices a destination (SECURITY.md E2: destinations without a rate are
 * blocked). The CDR/rating component implements it; it must answer from memory, in well under a
 * microsecond, as it is asked on every outbound call.
 */
public interface RateLookup {

  boolean isRated(E164Number number, DestinationClass destination);
}
