package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import java.io.Serializable;

/** One extension's narrowing as the blocking page lists it. */
public record ExtensionRow(
    String number,
    ClassOfService classOfService,
    boolean blockInternational,
    boolean blockLongDistance,
    boolean blockPremium)
    implements Serializable {

  static ExtensionRow of(ExtensionCallPolicy policy) {
    return new ExtensionRow(
        policy.getExtension().digits(),
        policy.getClassOfService(),
        policy.isBlockInternational(),
        policy.isBlockLongDistance(),
        policy.isBlockPremium());
  }
}
