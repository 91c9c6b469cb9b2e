package io.dialtone.usage.boundary;

import io.dialtone.platform.boundary.Messages;
import io.dialtone.usage.control.LimitRefused;
import io.dialtone.usage.entity.UsageCap;

/** Shows a {@link LimitRefused} as a global error; a cap argument shows as its label. */
final class Refusals {

  private Refusals() {}

  static void show(LimitRefused refused) {
    Object[] arguments = refused.arguments();
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] instanceof UsageCap cap) {
        arguments[i] = Messages.text(cap.messageKey());
      }
    }
    Messages.addGlobalError(refused.messageKey(), arguments);
  }
}
