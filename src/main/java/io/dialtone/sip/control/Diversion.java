package io.dialtone.sip.control;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a forwarded call was first meant to go, and why it was forwarded, as the {@code Diversion}
 * header of RFC 5806 tells a carrier: the number a customer holds, so that the carrier accepts a
 * caller ID that is not the customer's (the caller's own, kept on a forwarded call).
 *
 * @param number the diverting number, E.164 with its {@code +} (e.g. {@code +16135550100})
 * @param reason one of RFC 5806's reasons, e.g. {@code unavailable}, {@code no-answer}
 */
public record Diversion(String number, String reason) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  /** RFC 5806 §4's reasons. */
  private static final Set<String> REASONS =
      Set.of(
          "unknown",
          "user-busy",
          "no-answer",
          "unavailable",
          "unconditional",
          "time-of-day",
          "do-not-disturb",
          "deflection",
          "follow-me",
          "out-of-service",
          "away");

  public Diversion {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(reason, "reason");
    if (!E164.matcher(number).matches()) {
      throw new IllegalArgumentException("not an E.164 number: " + number);
    }
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException("not an RFC 5806 reason: " + reason);
    }
  }

  /**
   * The header's value for a proxy at {@code host}: {@code <sip:+16135550100@host>;reason=...;
   * counter=1} (one diversion: the continuity forwards a call once).
   */
  public String headerValue(String host) {
    return "<sip:" + number + "@" + host + ">;reason=" + reason + ";counter=1";
  }
}
