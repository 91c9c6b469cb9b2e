package io.dialtone.did.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ring group as call control reads it for one call.
 *
 * @param name the group's name (the call's record names it)
 * @param inOrder true: each member in turn for {@code ring}; false: every member at once for {@code
 *     ring}
 * @param ring how long the phones ring (per member in order, for the group at once)
 * @param members the group's active extensions in ringing order (disabled and deleted ones left
 *     out; may be empty)
 * @param continuityDestination the group's own continuity destination (empty: the DID's)
 */
public record RingGroupRoute(
    String name,
    boolean inOrder,
    Duration ring,
    List<ExtensionNumber> members,
    Optional<String> continuityDestination) {

  public RingGroupRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ring, "ring");
    members = List.copyOf(members);
    Objects.requireNonNull(continuityDestination, "continuityDestination");
  }
}
