package io.dialtone.cdr.control;

import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.regex.Pattern;

/**
 * The way of a call to an extension, for its record: the DID it came in on (inbound), the extension
 * it was meant for, the extension that answered, and when the call went to the continuity
 * destination, why and where it went in the end.
 *
 * @param did the DID called, or {@code null} for an internal call
 * @param originalTarget the extension the call was meant for, or {@code null} (a DID without one)
 * @param answeredBy the extension that answered, or {@code null}
 * @param reason why the call went on to the continuity destination, or {@code null}
 * @param finalDestination an extension's digits or an E.164 number the call went to at the end, or
 *     {@code null} when it stayed with its target
 * @param ringGroup the name of the ring group the call was meant for (then {@code originalTarget}
 *     is null), or {@code null}
 */
public record InboundWay(
    E164Number did,
    ExtensionNumber originalTarget,
    ExtensionNumber answeredBy,
    ContinuityReason reason,
    String finalDestination,
    String ringGroup) {

  private static final Pattern DESTINATION = Pattern.compile("[+]?[0-9]{1,31}");

  public InboundWay {
    if (finalDestination != null && !DESTINATION.matcher(finalDestination).matches()) {
      throw new IllegalArgumentException("final destination");
    }
  }

  /** The way of a call meant for an extension (or nothing), not a ring group. */
  public InboundWay(
      E164Number did,
      ExtensionNumber originalTarget,
      ExtensionNumber answeredBy,
      ContinuityReason reason,
      String finalDestination) {
    this(did, originalTarget, answeredBy, reason, finalDestination, null);
  }

  /** Whether the call went on to a number outside (a forwarded leg that is rated). */
  public boolean forwardedOut() {
    return finalDestination != null && finalDestination.startsWith("+");
  }
}
