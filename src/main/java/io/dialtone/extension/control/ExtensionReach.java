package io.dialtone.extension.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.List;

/**
 * How an incoming call would reach a live extension now, for the DID page.
 *
 * @param number the extension's number
 * @param displayName its name
 * @param enabled whether calls may ring it (a disabled extension rings nothing)
 * @param continuityDestination its own continuity destination, or null for none
 * @param ringSeconds how long its phones ring before the continuity destination, or null for the
 *     default
 * @param phones the phones registered for it now, oldest first
 */
public record ExtensionReach(
    ExtensionNumber number,
    String displayName,
    boolean enabled,
    String continuityDestination,
    Integer ringSeconds,
    List<RegisteredPhone> phones) {

  public ExtensionReach {
    phones = List.copyOf(phones);
  }
}
