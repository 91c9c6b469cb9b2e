package io.dialtone.call.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides one call: number read in the account's country, call policy, caps (spend, concurrent of
 * extension/account/reseller), caller ID; an admitted call counts as active until its ticket
 * closes.
 */
@ApplicationScoped
public class CallAdmission {

  /** Decides one call. */
  public Admission admit(CallRequest request) {
    return new Admission.Refused(503, "Call control not ready");
  }
}
