package io.dialtone.did.control;

import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ExtensionReach;
import java.util.List;

/**
 * A ring group as the DID page explains it now.
 *
 * @param name the group's name
 * @param strategy how it rings its members
 * @param ringSeconds its ring time (per member in order, for the whole group at once)
 * @param members its live members in order, with their state and registered phones now
 */
public record RingGroupNow(
    String name, RingStrategy strategy, int ringSeconds, List<ExtensionReach> members) {

  public RingGroupNow {
    members = List.copyOf(members);
  }

  /** Whether a call would ring some phone now: an enabled member with a registered phone. */
  public boolean anyRegistered() {
    return members.stream().anyMatch(m -> m.enabled() && !m.phones().isEmpty());
  }

  /**
   * How long a call rings the group in all before the continuity destination: the ring time, times
   * the members with phones now when in order.
   */
  public int totalRingSeconds() {
    if (strategy == RingStrategy.SIMULTANEOUS) {
      return ringSeconds;
    }
    long ringing = members.stream().filter(m -> m.enabled() && !m.phones().isEmpty()).count();
    return (int) Math.max(ringSeconds, ringSeconds * ringing);
  }
}
