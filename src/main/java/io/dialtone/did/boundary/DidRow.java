package io.dialtone.did.boundary;

import io.dialtone.did.control.DidView;
import java.io.Serializable;

/** A line of the DID list: the number, who holds it, whether it rings an extension. */
public record DidRow(
    long id,
    String number,
    boolean inInventory,
    String holder,
    boolean routed,
    String continuityDestination)
    implements Serializable {

  static DidRow of(DidView did) {
    return new DidRow(
        did.id(),
        did.number(),
        did.inInventory(),
        did.holderName() + " (" + did.holderNumber() + ")",
        did.extensionId() != null,
        did.continuityDestination());
  }
}
