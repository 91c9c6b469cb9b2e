package io.dialtone.did.control;

import io.dialtone.extension.control.ExtensionReach;
import java.util.Optional;

/** What happens to an incoming call to a DID now, in one word; the page says it in a sentence. */
public enum RouteCase {
  /** The holder (or an account above it) is suspended: calls are not answered. */
  ACCOUNT_SUSPENDED,
  /** No extension and no continuity destination: calls are not answered. */
  NO_ROUTE,
  /** No extension: every call goes to the continuity destination. */
  CONTINUITY_ONLY,
  /** The extension is disabled and there is no continuity destination: calls fail. */
  EXTENSION_DISABLED,
  /** The extension is disabled: every call goes to the continuity destination. */
  EXTENSION_DISABLED_CONTINUITY,
  /** Calls ring the extension's registered phones; none is registered now. */
  NOT_REGISTERED,
  /** Calls ring the extension's registered phones; some are registered now. */
  RINGS,
  /** Calls ring a ring group's members; none has a registered phone now. */
  RING_GROUP_NOT_REGISTERED,
  /** Calls ring a ring group's members; some have registered phones now. */
  RING_GROUP;

  /** The case of a customer's DID that rings {@code group}. */
  public static RouteCase ofGroup(boolean accountActive, RingGroupNow group) {
    if (!accountActive) {
      return ACCOUNT_SUSPENDED;
    }
    return group.anyRegistered() ? RING_GROUP : RING_GROUP_NOT_REGISTERED;
  }

  /**
   * The case of a customer's DID: its holder's state, the live extension it rings (if any) and the
   * continuity destination that applies (null: none).
   */
  public static RouteCase of(
      boolean accountActive, Optional<ExtensionReach> extension, String continuity) {
    if (!accountActive) {
      return ACCOUNT_SUSPENDED;
    }
    if (extension.isEmpty()) {
      return continuity == null ? NO_ROUTE : CONTINUITY_ONLY;
    }
    if (!extension.get().enabled()) {
      return continuity == null ? EXTENSION_DISABLED : EXTENSION_DISABLED_CONTINUITY;
    }
    return extension.get().phones().isEmpty() ? NOT_REGISTERED : RINGS;
  }
}
