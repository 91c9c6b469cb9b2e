package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.platform.boundary.Messages;

/**
 * A final SIP status with its meaning in the viewer's language, "486 Busy here": the bundle's
 * {@code sip_status.<code>} for the codes calls end with, else the meaning of its class ({@code
 * sip_status.class4}: "Refused"), as RFC 3261 §21 groups them.
 */
final class SipStatusText {

  private static final String KEY = "sip_status.";
  private static final String CLASS_KEY = KEY + "class";

  private SipStatusText() {}

  /** The status and its meaning; empty for none ({@code null}). */
  static String of(Integer status) {
    if (status == null || status < 100 || status > 699) {
      return "";
    }
    String meaning = Messages.text(KEY + status);
    if (meaning.startsWith("???")) {
      meaning = Messages.text(CLASS_KEY + status / 100);
    }
    return status + " " + meaning;
  }
}
