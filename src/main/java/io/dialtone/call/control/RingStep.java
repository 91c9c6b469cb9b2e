package io.dialtone.call.control;

import io.dialtone.did.control.RingGroupRoute;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.sip.control.ForkTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of ringing a call: the registered phones of one or more extensions, rung together for at
 * most {@code ring}. A call to an extension is one step; a ring group that rings all at once is one
 * step with every member's phones; a ring group in order is one step per member that has phones, in
 * the group's order.
 */
record RingStep(List<Phone> phones, Duration ring) {

  /** One registered phone of {@code extension}. */
  record Phone(ExtensionNumber extension, ForkTarget target) {}

  RingStep {
    phones = List.copyOf(phones);
    Objects.requireNonNull(ring, "ring");
  }

  /** The phones of one extension ({@code null}: not known) for {@code ring}. */
  static RingStep of(ExtensionNumber extension, List<ForkTarget> contacts, Duration ring) {
    return new RingStep(contacts.stream().map(c -> new Phone(extension, c)).toList(), ring);
  }

  /** The extensions this step rings, each once, in order. */
  List<ExtensionNumber> extensions() {
    return phones.stream().map(Phone::extension).filter(Objects::nonNull).distinct().toList();
  }

  /**
   * This step without the phones of the extensions {@code busy} says are busy (asked once per
   * extension); this step itself when none is.
   */
  RingStep without(Predicate<ExtensionNumber> busy) {
    Map<ExtensionNumber, Boolean> asked = new HashMap<>();
    List<Phone> kept =
        phones.stream()
            .filter(p -> p.extension() == null || !asked.computeIfAbsent(p.extension(), busy::test))
            .toList();
    return kept.size() == phones.size() ? this : new RingStep(kept, ring);
  }

  /**
   * The steps of a call to {@code group}, each member's registered phones from {@code phonesOf}:
   * all at once, one step (empty when no member has a phone); in order, one step per member with
   * phones (none: no step).
   */
  static List<RingStep> of(
      RingGroupRoute group, Function<ExtensionNumber, List<ForkTarget>> phonesOf) {
    List<RingStep> steps = new ArrayList<>();
    List<Phone> together = new ArrayList<>();
    for (ExtensionNumber member : group.members()) {
      RingStep own = of(member, phonesOf.apply(member), group.ring());
      if (!group.inOrder()) {
        together.addAll(own.phones());
      } else if (!own.phones().isEmpty()) {
        steps.add(own);
      }
    }
    if (!group.inOrder()) {
      steps.add(new RingStep(together, group.ring()));
    }
    return steps;
  }
}
