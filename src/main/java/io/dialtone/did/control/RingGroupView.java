package io.dialtone.did.control;

import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ExtensionChoice;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ring group as the pages show it.
 *
 * @param members its live member extensions in ringing order
 * @param continuity its continuity destination, or null (the DID's applies)
 */
public record RingGroupView(
    long id,
    String name,
    RingStrategy strategy,
    int ringSeconds,
    List<ExtensionChoice> members,
    String continuity)
    implements Serializable {

  public RingGroupView {
    members = List.copyOf(members);
  }

  /** The members' numbers in order, as the form takes them: {@code 201, 202}. */
  public String memberNumbers() {
    return members.stream().map(m -> m.number().digits()).collect(Collectors.joining(", "));
  }
}
