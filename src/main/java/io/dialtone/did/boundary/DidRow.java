package io.dialtone.did.boundary;

import io.dialtone.did.control.DidView;
import java.io.Serializable;

/**
 * A line of the DID list: the number, who holds it, whether it rings an extension or a ring group.
 */
public record DidRow(
    long id,
    String number,
    boolean inInventory,
    String holder,
    boolean routed,
    String continuityDestination,
    boolean toRingGroup)
    implements Serializable {

  static DidRow of(DidView did) {
    return new DidRow(
        did.id(),
        did.number(),
        did.inInventory(),
        did.holderName() + " (" + did.holderNumber() + ")",
        did.extensionId() != null || did.ringGroupId() != null,
        did.continuityDestination(),
        did.ringGroupId() != null);
  }
}
