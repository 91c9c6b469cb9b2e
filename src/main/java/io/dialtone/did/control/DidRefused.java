package io.dialtone.did.control;

import io.dialtone.platform.control.Refusal;
import java.util.Arrays;

/**
 * A DID change that breaks a rule people can fix (a number libphonenumber does not accept, a range
 * too large, a number already in the inventory, a blocked continuity destination...). Thrown before
 * anything changed; shown through its message key ({@code dids.refused.*}) with its arguments, as
 * text.
 */
public class DidRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  public DidRefused(String messageKey, Object... arguments) {
    super(messageKey, Arrays.stream(arguments).map(String::valueOf).toArray());
  }
}
