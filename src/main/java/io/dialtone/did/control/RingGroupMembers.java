package io.dialtone.did.control;

import io.dialtone.extension.control.ExtensionChoice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the members typed for a ring group ({@code 201, 202 203}) against the account's live
 * extensions: each an extension of the account, each once, {@value
 * io.dialtone.did.entity.RingGroup#MEMBERS_MIN}–{@value
 * io.dialtone.did.entity.RingGroup#MEMBERS_MAX} of them. Refusals name the faulty entry.
 */
final class RingGroupMembers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

  private RingGroupMembers() {}

  /** The extension ids of {@code typed} in its order. */
  static List<Long> read(String typed, List<ExtensionChoice> extensions) throws DidRefused {
    String text = typed == null ? "" : typed.strip();
    List<Long> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String entry : text.isEmpty() ? new String[0] : SEPARATORS.split(text)) {
      if (entry.isEmpty()) {
        continue;
      }
      Optional<ExtensionChoice> found =
          extensions.stream().filter(e -> e.number().digits().equals(entry)).findFirst();
      if (found.isEmpty()) {
        throw new DidRefused("ring_groups.memberUnknown", shortened(entry));
      }
      if (!seen.add(entry)) {
        throw new DidRefused("ring_groups.memberTwice", entry);
      }
      ids.add(found.get().id());
    }
    if (ids.size() < io.dialtone.did.entity.RingGroup.MEMBERS_MIN) {
      throw new DidRefused("ring_groups.membersRequired");
    }
    if (ids.size() > io.dialtone.did.entity.RingGroup.MEMBERS_MAX) {
      throw new DidRefused(
          "ring_groups.tooManyMembers", io.dialtone.did.entity.RingGroup.MEMBERS_MAX);
    }
    return ids;
  }

  private static String shortened(String entry) {
    return entry.length() > 12 ? entry.substring(0, 12) + "…" : entry;
  }
}
