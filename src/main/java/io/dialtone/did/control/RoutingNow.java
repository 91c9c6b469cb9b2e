package io.dialtone.did.control;

import io.dialtone.extension.control.ExtensionReach;
import io.dialtone.extension.control.RegisteredPhone;
import java.util.List;
import java.util.Optional;

/**
 * How an incoming call to a DID is routed now, for the DID page.
 *
 * @param routeCase what happens, in one word
 * @param extension the extension it rings (live), if any
 * @param continuity the continuity destination that applies (the DID's, else the extension's), or
 *     null for none
 * @param continuityOfExtension whether that destination is the extension's own
 * @param ringSeconds how long the phones ring before the continuity destination takes over
 * @param ringGroup the ring group it rings instead of an extension, if any; then {@code
 *     continuityOfExtension} means the group's own destination
 */
public record RoutingNow(
    RouteCase routeCase,
    Optional<ExtensionReach> extension,
    String continuity,
    boolean continuityOfExtension,
    int ringSeconds,
    Optional<RingGroupNow> ringGroup) {

  /** A DID that rings an extension or nothing. */
  public RoutingNow(
      RouteCase routeCase,
      Optional<ExtensionReach> extension,
      String continuity,
      boolean continuityOfExtension,
      int ringSeconds) {
    this(routeCase, extension, continuity, continuityOfExtension, ringSeconds, Optional.empty());
  }

  /** The ring group, or null. */
  public RingGroupNow group() {
    return ringGroup.orElse(null);
  }

  /** The ring group's name, or null. */
  public String ringGroupName() {
    return ringGroup.map(RingGroupNow::name).orElse(null);
  }

  /** The phones registered now (empty without an extension). */
  public List<RegisteredPhone> phones() {
    return extension.map(ExtensionReach::phones).orElse(List.of());
  }

  /** The extension's number, or null. */
  public String extensionNumber() {
    return extension.map(e -> e.number().digits()).orElse(null);
  }

  /** The extension's name, or null. */
  public String extensionName() {
    return extension.map(ExtensionReach::displayName).orElse(null);
  }

  public boolean hasContinuity() {
    return continuity != null;
  }
}
