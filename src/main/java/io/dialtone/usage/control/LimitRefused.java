package io.dialtone.usage.control;

import io.dialtone.platform.control.Refusal;
import io.dialtone.usage.entity.UsageCap;
import java.util.Arrays;

/**
 * A usage-limit change or request that the rules refuse (not an authorization refusal): nothing
 * changed; its message key and arguments say why, in the page's language. A {@link UsageCap}
 * argument is shown as the cap's label.
 */
public class LimitRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  public LimitRefused(String messageKey, Object... arguments) {
    super(
        messageKey,
        Arrays.stream(arguments)
            .map(a -> a instanceof UsageCap cap ? new Label(cap.messageKey()) : a)
            .toArray());
  }
}
