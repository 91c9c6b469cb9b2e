package io.dialtone.extension.boundary;

import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.entity.Extension;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A continuity destination the edit page offers: one of the account's other extensions (its number,
 * labelled with its name) or one of the numbers the account holds. Offered, not imposed: any number
 * may still be typed, and the control checks what is saved.
 *
 * @param value what the field receives
 * @param label what the list shows
 */
record DestinationChoice(String value, String label) implements Serializable {

  /** Most choices a list shows at once. */
  static final int MAX_SHOWN = 20;

  static List<DestinationChoice> of(Extension extension, Extensions extensions, List<String> held) {
    List<DestinationChoice> all = new ArrayList<>();
    extensions.list(extension.getAccountId().value()).stream()
        .filter(other -> !other.getId().equals(extension.getId()))
        .forEach(
            other ->
                all.add(
                    new DestinationChoice(
                        other.getNumber().digits(),
                        other.getNumber().digits() + " – " + other.getDisplayName())));
    held.forEach(number -> all.add(new DestinationChoice(number, number)));
    return List.copyOf(all);
  }

  static List<String> matching(List<DestinationChoice> choices, String typed) {
    String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return choices.stream()
        .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(wanted))
        .map(DestinationChoice::value)
        .limit(MAX_SHOWN)
        .toList();
  }

  static String label(List<DestinationChoice> choices, String value) {
    return choices.stream()
        .filter(c -> c.value().equals(value))
        .map(DestinationChoice::label)
        .findFirst()
        .orElse(value);
  }
}
